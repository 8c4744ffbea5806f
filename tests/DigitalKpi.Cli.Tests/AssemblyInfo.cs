// The end-to-end tests start processes (dotnet, chromium) on a shared machine: run the classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
