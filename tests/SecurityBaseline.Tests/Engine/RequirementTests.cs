using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Engine;

/// <summary>How a control's rows read values: absent, unknown, secret, scoped lists, conditions and malformed shapes.</summary>
public class RequirementTests
{
    private const string Type = "aws:test/widget:Widget";

    private static Evaluation Run(string inputs, params Requirement[] rows) => Fixtures.Evaluate(new TableControl(rows), Type, inputs);

    private static Requirement Row(string path, Expectation expect, AbsentReading absent, string? within = null, Condition? when = null) => new()
    {
        Type = Type,
        Path = path,
        Expect = expect,
        Absent = absent,
        Problem = "the widget leaks.",
        Fix = "Close the widget.",
        Within = within,
        When = when,
    };

    [Fact]
    public void Row_WhenValueMeetsTheExpectation_ShouldPass()
    {
        var result = Run("""{"mode":"kms"}""", Row("mode", Must.BeOneOf("KMS"), AbsentReading.Fails("plaintext")));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Row_WhenValueIsOutsideTheAllowedSet_ShouldFailNamingPathValueProblemAndFix()
    {
        var result = Run("""{"mode":"none"}""", Row("mode", Must.BeOneOf("KMS", "DSSE"), AbsentReading.Fails("plaintext")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("mode is \"none\", not one of \"KMS\", \"DSSE\": the widget leaks. Fix: Close the widget.", Assert.Single(result.Messages));
    }

    [Fact]
    public void Row_WhenAbsentAndTheDefaultIsInsecure_ShouldFailSayingWhatAbsentMeans()
    {
        var result = Run("{}", Row("settings.mode", Must.BeOneOf("KMS"), AbsentReading.Fails("plaintext")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("settings.mode is absent, which means plaintext:", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_WhenAbsentAndTheDefaultIsSecure_ShouldPass()
    {
        var result = Run("{}", Row("encrypted", Must.Be(true), AbsentReading.Passes("true")));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Row_WhenValueUnknown_ShouldBeNotApplicableNamingThePath()
    {
        var result = Run("""{"encrypted":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""", Row("encrypted", Must.Be(true), AbsentReading.Fails("false")));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("encrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_WhenValueIsSecret_ShouldDecideOnItWithoutPrintingIt()
    {
        var result = Run("""{"mode":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"plain-canary-7f3"}}""", Row("mode", Must.BeOneOf("KMS"), AbsentReading.Fails("plaintext")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.DoesNotContain("canary", result.Messages[0], StringComparison.Ordinal);
        Assert.Contains("[secret]", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Row_WhenValueHasAShapeNoProviderWrites_ShouldFailClosed()
    {
        var result = Run("""{"encrypted":{"nested":true}}""", Row("encrypted", Must.Be(true), AbsentReading.Fails("false")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("failed to evaluate", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ScopedRow_WhenOneItemOfSeveralViolates_ShouldNameThatItem()
    {
        var row = Row("transitEncryption", Must.BeOneOf("ENABLED"), AbsentReading.Fails("DISABLED"), within: "volumes[].efsVolumeConfiguration");
        var result = Run("""{"volumes":[{"name":"scratch"},{"name":"a","efsVolumeConfiguration":{"fileSystemId":"fs-1","transitEncryption":"ENABLED"}},{"name":"b","efsVolumeConfiguration":{"fileSystemId":"fs-2"}}]}""", row);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("volumes[2].efsVolumeConfiguration.transitEncryption is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ScopedRow_WhenNothingIsInScope_ShouldBeNotApplicableNotPass()
    {
        var row = Row("transitEncryption", Must.BeOneOf("ENABLED"), AbsentReading.Fails("DISABLED"), within: "volumes[].efsVolumeConfiguration");
        var result = Run("""{"volumes":[{"name":"scratch"}]}""", row);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("volumes[].efsVolumeConfiguration", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionalRow_WhenTheConditionDoesNotHold_ShouldBeNotApplicable()
    {
        var row = Row("transitEncryptionEnabled", Must.Be(true), AbsentReading.Fails("false"), when: new Condition("engine", Must.BeOneOf("redis", "valkey")));
        var memcached = Run("""{"engine":"memcached"}""", row);
        var redis = Run("""{"engine":"redis"}""", row);
        Assert.Equal(Outcome.NotApplicable, memcached.Outcome);
        Assert.Contains("when `engine` one of \"redis\", \"valkey\"", memcached.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, redis.Outcome);
    }

    [Fact]
    public void ConditionalRow_WhenTheConditionMatchesAbsence_ShouldApplyToAnAbsentValue()
    {
        var row = Row("dropInvalidHeaderFields", Must.Be(true), AbsentReading.Fails("false"), when: new Condition("internal", Must.Be(false), WhenAbsent: true));
        Assert.Equal(Outcome.Fail, Run("{}", row).Outcome);
        Assert.Equal(Outcome.NotApplicable, Run("""{"internal":true}""", row).Outcome);
    }

    [Fact]
    public void NotContain_WhenAListHoldsAForbiddenItem_ShouldFail()
    {
        var row = Row("sharedAccounts", Must.NotContain("all"), AbsentReading.Passes("not shared"));
        Assert.Equal(Outcome.Fail, Run("""{"sharedAccounts":["111122223333","all"]}""", row).Outcome);
        Assert.Equal(Outcome.Pass, Run("""{"sharedAccounts":["111122223333"]}""", row).Outcome);
        Assert.Equal(Outcome.Pass, Run("{}", row).Outcome);
    }

    [Theory]
    [InlineData("""{"kmsKeyArn":"arn:aws:kms:eu-central-1:111122223333:key/1"}""", Outcome.Pass)]
    [InlineData("""{"kmsKeyArn":""}""", Outcome.Fail)]
    [InlineData("""{"kmsKeyArn":"   "}""", Outcome.Fail)]
    [InlineData("{}", Outcome.Fail)]
    public void BeSet_WhenEmptyOrAbsent_ShouldFail(string inputs, Outcome expected)
    {
        var row = Row("kmsKeyArn", Must.BeSet(), AbsentReading.Fails("an AWS owned key"));
        Assert.Equal(expected, Run(inputs, row).Outcome);
    }

    [Fact]
    public void Rows_WhenTwoViolate_ShouldReportBoth()
    {
        var result = Run("""{"a":false}""", Row("a", Must.Be(true), AbsentReading.Fails("false")), Row("b", Must.BeAtLeast(2), AbsentReading.Fails("0")));
        Assert.Equal(2, result.Messages.Count);
    }

    [Fact]
    public void ConditionalRow_WhenEitherOfTwoSourcesIsSet_ShouldNotApply()
    {
        var row = Row("serverSideEncryption.enabled", Must.Be(true), AbsentReading.Fails("false"), when: Condition.Unset("kinesisSource") with { And = Condition.Unset("mskSource") });
        Assert.Equal(Outcome.Fail, Run("""{"kinesisSource":{}}""", row).Outcome);
        Assert.Equal(Outcome.NotApplicable, Run("""{"mskSource":{"topicName":"events"}}""", row).Outcome);
        Assert.Equal(Outcome.NotApplicable, Run("""{"kinesisSource":{"streamArn":"arn:aws:kinesis:eu-west-1:123456789012:stream/e"}}""", row).Outcome);
    }

    private sealed class TableControl(Requirement[] rows) : ControlPolicy
    {
        public override PolicyDescriptor Descriptor { get; } = new()
        {
            Id = "test-table-control",
            Title = "Test control",
            Description = "Rows under test.",
            Message = "Violation.",
            Control = "§7",
            Severity = Severity.High,
            ResourceTypes = Requirement.TypesOf(rows),
            Requirements = rows,
            Help = "Fix it.",
        };
    }
}
