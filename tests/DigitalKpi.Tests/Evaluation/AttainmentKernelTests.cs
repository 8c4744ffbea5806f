using DigitalKpi.Tests.TestHelpers;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Evaluation;

public class AttainmentKernelTests
{
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Abs(b));

    [Fact]
    public void Property_KernelAgreesWithAttainment_ScalarAndSpan()
        => Properties.Check(
            from target in ModelGen.Target
            from count in Gen.Choose(0, 37)
            from values in Gen.ListOf(ModelGen.Decimal, count)
            select (target, values),
            x =>
            {
                AttainmentKernel kernel = AttainmentKernel.Create(x.target);
                double[] values = x.values.Select(v => (double)v).ToArray();
                double[] ratios = new double[values.Length];
                kernel.Ratios(values, ratios);
                int met = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    decimal exact = x.values[i];
                    bool expectedMet = Attainment.IsMet(x.target, exact);
                    double expectedRatio = Attainment.Ratio(x.target, exact);
                    Assert.Equal(expectedMet, kernel.IsMet(values[i]));
                    Assert.True(Close(expectedRatio, kernel.Ratio(values[i])), $"scalar {kernel} v={values[i]}: {kernel.Ratio(values[i])} vs {expectedRatio}");
                    Assert.True(Close(expectedRatio, ratios[i]), $"span {kernel} v={values[i]}: {ratios[i]} vs {expectedRatio}");
                    if (expectedMet)
                    {
                        met++;
                        Assert.True(ratios[i] >= 1.0);
                    }
                }
                Assert.Equal(met, kernel.CountMet(values));
            });

    [Fact]
    public void NaN_IsNeverMet_RatioZero()
    {
        AttainmentKernel k = AttainmentKernel.Create(Target.For("T", "X").AtLeast(Quantity.Percent(50)).By(2025).Build());
        double[] values = [double.NaN, 60, double.NaN, 10, 50, double.NaN, 70, 80, 90];
        double[] ratios = new double[values.Length];
        k.Ratios(values, ratios);
        Assert.Equal(0.0, ratios[0]);
        Assert.Equal(0.0, ratios[5]);
        Assert.Equal(1.2, ratios[1], 12);
        Assert.Equal(5, k.CountMet(values));
        Assert.False(k.IsMet(double.NaN));
        Assert.Equal(0.0, k.Ratio(double.NaN));
    }

    [Fact]
    public void ShortDestination_Throws()
    {
        AttainmentKernel k = AttainmentKernel.Create(Target.For("T", "X").AtLeast(Quantity.Percent(50)).By(2025).Build());
        Assert.Throws<ArgumentException>(() => k.Ratios(new double[5], new double[4]));
    }

    [Fact]
    public void BatchEvaluation_AllocatesNothing()
    {
        AttainmentKernel k = AttainmentKernel.Create(Target.For("T", "X").Between(Quantity.Percent(15), Quantity.Percent(20)).By(2025).Build());
        double[] values = Enumerable.Range(0, 1000).Select(i => i / 25.0).ToArray();
        double[] ratios = new double[values.Length];
        k.Ratios(values, ratios);
        long before = GC.GetAllocatedBytesForCurrentThread();
        k.Ratios(values, ratios);
        int met = k.CountMet(values);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(126, met); // 15.00 .. 20.00 in steps of 0.04
    }
}
