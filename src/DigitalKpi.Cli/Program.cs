Console.WriteLine("dkpi");
