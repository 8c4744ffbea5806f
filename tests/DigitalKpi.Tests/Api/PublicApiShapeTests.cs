using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DigitalKpi.Tests.Api;

/// <summary>
/// "No public mutable state, immutable model types": checked by reflection over every exported type of the library, so
/// that a public setter, a writable field or a shared mutable collection cannot slip into the public surface.
/// </summary>
public class PublicApiShapeTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] ExportedTypes = typeof(Indicator).Assembly.GetExportedTypes();

    [Fact]
    public void LibraryExportsTypes() => Assert.True(ExportedTypes.Length > 50, $"only {ExportedTypes.Length} exported types found");

    [Fact]
    public void NoPublicPropertyHasAPublicSetter()
    {
        var offenders = new List<string>();
        foreach (Type type in ExportedTypes)
        {
            foreach (PropertyInfo property in type.GetProperties(Declared))
            {
                MethodInfo? setter = property.SetMethod;
                if (setter is null || !(setter.IsPublic || setter.IsFamily || setter.IsFamilyOrAssembly))
                {
                    continue;
                }
                // init-only setters can only run in an object initializer: the value is fixed once constructed.
                // (Compared by name: the netstandard2.0 build carries its own internal copy of IsExternalInit.)
                bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == typeof(IsExternalInit).FullName);
                if (!initOnly)
                {
                    offenders.Add($"{type.FullName}.{property.Name}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoPublicFieldIsWritable()
    {
        var offenders = new List<string>();
        foreach (Type type in ExportedTypes.Where(t => !t.IsEnum))
        {
            foreach (FieldInfo field in type.GetFields(Declared))
            {
                if (!field.IsLiteral && !field.IsInitOnly)
                {
                    offenders.Add($"{type.FullName}.{field.Name}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoPublicStaticMemberExposesAMutableCollection()
    {
        var offenders = new List<string>();
        foreach (Type type in ExportedTypes.Where(t => !t.IsEnum))
        {
            IEnumerable<(string Name, Type Type)> members = type.GetFields(Declared | BindingFlags.Static)
                .Where(f => f.IsStatic && !f.IsLiteral).Select(f => (f.Name, f.FieldType))
                .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(p => (p.Name, p.PropertyType)));
            foreach ((string name, Type memberType) in members)
            {
                if (IsMutableCollection(memberType))
                {
                    offenders.Add($"{type.FullName}.{name}: {memberType.Name}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicValueTypesAreReadOnlyAndEquatable()
    {
        var offenders = new List<string>();
        foreach (Type type in ExportedTypes.Where(t => t.IsValueType && !t.IsEnum))
        {
            // By name: the compiler embeds its own IsReadOnlyAttribute in the netstandard2.0 build.
            if (!type.GetCustomAttributes(false).Any(a => a.GetType().FullName == typeof(IsReadOnlyAttribute).FullName))
            {
                offenders.Add($"{type.FullName} is not a readonly struct");
            }
            // A builder is a step toward a value, not a value: it has no equality of its own.
            if (type != typeof(TargetBuilder) && !typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type))
            {
                offenders.Add($"{type.FullName} does not implement IEquatable<{type.Name}>");
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicPropertiesDoNotExposeMutableCollections()
    {
        // IReadOnlyList<T>, ImmutableArray<T> and the like are fine; List<T>, arrays and dictionaries handed out from an
        // immutable object would let a caller change it.
        var offenders = new List<string>();
        foreach (Type type in ExportedTypes.Where(t => !typeof(Exception).IsAssignableFrom(t)))
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (IsMutableCollection(property.PropertyType))
                {
                    offenders.Add($"{type.FullName}.{property.Name}: {property.PropertyType.Name}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(typeof(int[]), true)]
    [InlineData(typeof(List<string>), true)]
    [InlineData(typeof(Dictionary<string, int>), true)]
    [InlineData(typeof(IList<int>), true)]
    [InlineData(typeof(IReadOnlyList<int>), false)]
    [InlineData(typeof(IReadOnlyDictionary<string, int>), false)]
    [InlineData(typeof(System.Collections.Immutable.ImmutableArray<int>), false)]
    [InlineData(typeof(string), false)]
    public void MutableCollectionCheck_TellsMutableFromReadOnly(Type type, bool mutable) => Assert.Equal(mutable, IsMutableCollection(type));

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) && !type.IsInterface)
        {
            return false;
        }
        if (type.Namespace == "System.Collections.Immutable")
        {
            return false;
        }
        bool IsMutableInterface(Type i) => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IList<>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(ISet<>))
            || i == typeof(IList) || i == typeof(IDictionary);
        if (type.IsInterface)
        {
            return IsMutableInterface(type);
        }
        // A concrete collection class counts as mutable when it implements a mutable interface without being read-only
        // (ReadOnlyCollection<T> implements IList<T> but throws on every change).
        return type.GetInterfaces().Any(IsMutableInterface) && !type.Name.StartsWith("ReadOnly", StringComparison.Ordinal);
    }
}
