using System.Reflection;

namespace DigitalKpi.Tests.TestHelpers;

/// <summary>
/// Reusable checks of the equality and ordering contracts (in the spirit of NodaTime's TestHelper): reflexivity,
/// symmetry, Equals(T)/Equals(object)/==/!= agreeing, hash codes of equal values equal, CompareTo consistent with
/// Equals and antisymmetric, and the ordering operators agreeing with CompareTo. Operators are found by reflection,
/// so the helpers work for any type; pass <c>requireOperators: false</c> for types that do not declare them.
/// </summary>
public static class EqualityContract
{
    /// <summary>Checks equality: <paramref name="value"/> equals <paramref name="equal"/> and differs from <paramref name="unequal"/>.</summary>
    public static void AssertEquality<T>(T value, T equal, T unequal, bool requireOperators = true)
        where T : IEquatable<T>
    {
        Assert.NotNull(value);
        Assert.NotNull(equal);
        Assert.NotNull(unequal);
        if (!typeof(T).IsValueType)
        {
            Assert.False(ReferenceEquals(value, equal), "'value' and 'equal' must be distinct instances.");
        }

        // IEquatable<T>: reflexive, symmetric, unequal both ways.
        Assert.True(value.Equals(value), "Equals(T) is not reflexive.");
        Assert.True(value.Equals(equal), "value.Equals(equal) is false.");
        Assert.True(equal.Equals(value), "Equals(T) is not symmetric.");
        Assert.False(value.Equals(unequal), "value.Equals(unequal) is true.");
        Assert.False(unequal.Equals(value), "unequal.Equals(value) is true.");

        // object.Equals agrees, and rejects null and other types.
        Assert.True(value.Equals((object)value), "Equals(object) is not reflexive.");
        Assert.True(value.Equals((object)equal), "Equals(object) disagrees with Equals(T).");
        Assert.True(equal.Equals((object)value), "Equals(object) is not symmetric.");
        Assert.False(value.Equals((object)unequal), "Equals(object) disagrees with Equals(T) for unequal values.");
        Assert.False(value.Equals((object?)null), "Equals(null) is true.");
        Assert.False(value.Equals(new object()), "Equals(some other type) is true.");

        Assert.Equal(value.GetHashCode(), equal.GetHashCode());

        MethodInfo? opEquality = FindOperator<T>("op_Equality");
        MethodInfo? opInequality = FindOperator<T>("op_Inequality");
        if (requireOperators)
        {
            Assert.True(opEquality is not null, typeof(T).Name + " declares no == operator.");
            Assert.True(opInequality is not null, typeof(T).Name + " declares no != operator.");
        }
        if (opEquality is not null)
        {
            Assert.True(Invoke(opEquality, value, value), "value == value is false.");
            Assert.True(Invoke(opEquality, value, equal), "value == equal is false.");
            Assert.True(Invoke(opEquality, equal, value), "equal == value is false.");
            Assert.False(Invoke(opEquality, value, unequal), "value == unequal is true.");
            Assert.False(Invoke(opEquality, unequal, value), "unequal == value is true.");
        }
        if (opInequality is not null)
        {
            Assert.False(Invoke(opInequality, value, value), "value != value is true.");
            Assert.False(Invoke(opInequality, value, equal), "value != equal is true.");
            Assert.False(Invoke(opInequality, equal, value), "equal != value is true.");
            Assert.True(Invoke(opInequality, value, unequal), "value != unequal is false.");
            Assert.True(Invoke(opInequality, unequal, value), "unequal != value is false.");
        }
    }

    /// <summary>
    /// Checks equality and ordering: <paramref name="value"/> equals <paramref name="equal"/>, and
    /// <paramref name="greater"/> sorts strictly after both.
    /// </summary>
    public static void AssertEqualityAndOrdering<T>(T value, T equal, T greater, bool requireOperators = true)
        where T : IEquatable<T>, IComparable<T>
    {
        AssertEquality(value, equal, greater, requireOperators);

        // IComparable<T>: consistent with Equals, antisymmetric.
        Assert.Equal(0, value.CompareTo(value));
        Assert.Equal(0, value.CompareTo(equal));
        Assert.Equal(0, equal.CompareTo(value));
        Assert.True(value.CompareTo(greater) < 0, "value.CompareTo(greater) is not negative.");
        Assert.True(equal.CompareTo(greater) < 0, "equal.CompareTo(greater) is not negative.");
        Assert.True(greater.CompareTo(value) > 0, "greater.CompareTo(value) is not positive.");
        Assert.True(greater.CompareTo(equal) > 0, "greater.CompareTo(equal) is not positive.");

        // Non-generic IComparable, where implemented: same signs, null first, other types rejected.
        if (value is IComparable comparable)
        {
            Assert.Equal(0, comparable.CompareTo(equal));
            Assert.True(comparable.CompareTo(greater) < 0, "IComparable.CompareTo(greater) is not negative.");
            Assert.True(((IComparable)greater).CompareTo(value) > 0, "IComparable.CompareTo(value) is not positive.");
            Assert.True(comparable.CompareTo(null) > 0, "IComparable.CompareTo(null) is not positive.");
            Assert.Throws<ArgumentException>(() => comparable.CompareTo(new object()));
        }

        CheckOrderingOperator<T>("op_LessThan", value, equal, greater, expectLess: true, expectEqual: false, expectGreater: false, requireOperators);
        CheckOrderingOperator<T>("op_LessThanOrEqual", value, equal, greater, expectLess: true, expectEqual: true, expectGreater: false, requireOperators);
        CheckOrderingOperator<T>("op_GreaterThan", value, equal, greater, expectLess: false, expectEqual: false, expectGreater: true, requireOperators);
        CheckOrderingOperator<T>("op_GreaterThanOrEqual", value, equal, greater, expectLess: false, expectEqual: true, expectGreater: true, requireOperators);
    }

    /// <summary>Checks that <paramref name="values"/>, given in strictly ascending order, are ordered pairwise in every direction.</summary>
    public static void AssertStrictlyAscending<T>(params T[] values)
        where T : IEquatable<T>, IComparable<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            for (int j = 0; j < values.Length; j++)
            {
                int expected = i.CompareTo(j);
                int actual = Math.Sign(values[i].CompareTo(values[j]));
                Assert.True(expected == actual, $"CompareTo({values[i]}, {values[j]}) has sign {actual}, expected {expected}.");
                Assert.Equal(i == j, values[i].Equals(values[j]));
            }
        }
    }

    private static void CheckOrderingOperator<T>(string name, T value, T equal, T greater, bool expectLess, bool expectEqual, bool expectGreater, bool requireOperators)
    {
        MethodInfo? op = FindOperator<T>(name);
        if (op is null)
        {
            Assert.False(requireOperators, typeof(T).Name + " declares no " + name + " operator.");
            return;
        }
        Assert.True(expectLess == Invoke(op, value, greater), name + "(value, greater) is wrong.");
        Assert.True(expectEqual == Invoke(op, value, equal), name + "(value, equal) is wrong.");
        Assert.True(expectEqual == Invoke(op, value, value), name + "(value, value) is wrong.");
        Assert.True(expectGreater == Invoke(op, greater, value), name + "(greater, value) is wrong.");
    }

    private static MethodInfo? FindOperator<T>(string name)
        => typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.Static, binder: null, types: [typeof(T), typeof(T)], modifiers: null);

    private static bool Invoke<T>(MethodInfo op, T left, T right) => (bool)op.Invoke(null, [left, right])!;
}
