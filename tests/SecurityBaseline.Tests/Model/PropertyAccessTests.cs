using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Model;

public class PropertyAccessTests
{
    private static PropertyValue Decode(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PropertyDecoder.Decode(document.RootElement);
    }

    [Fact]
    public void PathRead_WhenNestedThroughListsAndObjects_ShouldFindTheValue()
    {
        var value = Decode("""{"rules":[{"apply":{"sseAlgorithm":"aws:kms"}}]}""");
        Assert.Equal("aws:kms", value.GetString("rules[0].apply.sseAlgorithm"));
    }

    [Fact]
    public void PathRead_WhenAbsentOrNull_ShouldBeNull()
    {
        var value = Decode("""{"a":null}""");
        Assert.Null(value.GetBool("a"));
        Assert.Null(value.GetBool("a.b.c"));
        Assert.Null(value.GetString("missing[3].x"));
        Assert.Empty(value.GetList("missing"));
    }

    [Fact]
    public void PathRead_WhenAParentIsUnknown_ShouldThrowNamingTheUnknownPart()
    {
        var value = Decode("""{"config":"dd056dcd-154b-4c76-9bd3-c8f88648b5ff"}""");
        var error = Assert.Throws<UnknownValueException>(() => value.GetBool("config.enabled"));
        Assert.Equal("config", error.PropertyPath);
    }

    [Fact]
    public void GetList_WhenASingleObjectStandsForAList_ShouldWrapIt()
    {
        var value = Decode("""{"rule":{"a":1}}""");
        Assert.Single(value.GetList("rule"));
    }

    [Fact]
    public void GetBool_WhenTheShapeIsWrong_ShouldThrowPolicyDataException()
    {
        var value = Decode("""{"encrypted":[1]}""");
        Assert.Throws<PolicyDataException>(() => value.GetBool("encrypted"));
    }

    [Fact]
    public void GetStrings_WhenOneItemIsUnknown_ShouldThrowNamingTheItem()
    {
        var value = Decode("""{"cidrBlocks":["10.0.0.0/8","04da6b54-80e4-46f7-96ec-b56ff0331ba9"]}""");
        var error = Assert.Throws<UnknownValueException>(() => value.GetStrings("cidrBlocks"));
        Assert.Equal("cidrBlocks[1]", error.PropertyPath);
    }

    [Fact]
    public void GetBool_WhenTheProviderWritesAString_ShouldParseIt()
    {
        var value = Decode("""{"encrypted":"true"}""");
        Assert.True(value.GetBool("encrypted"));
    }
}
