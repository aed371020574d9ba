using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Testing;
using static PolicyPack.Sdk.Tests.Testing.PolicyRunTests;

namespace PolicyPack.Sdk.Tests.Testing;

/// <summary>Every assertion both ways: it returns its subject when the verdict matches and otherwise throws a message that says what happened instead, never a secret.</summary>
public class VerdictAssertionsTests
{
    private const string Canary = "hunter2-canary";

    private static Evaluation Passed => PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", "true"));

    private static Evaluation Failed => PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", "false"));

    private static Evaluation NotApplicable => PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", Wire.UnknownBool));

    private static AnalysisResult Blocking => PolicyRun.Pack(Pack, [Database("orders", "false")]);

    private static AnalysisResult Clean => PolicyRun.Pack(Pack, [Database("orders", "true")]);

    private static string Failure(Action assertion)
    {
        var message = Assert.Throws<PolicyAssertionException>(assertion).Message;
        Assert.DoesNotContain(Canary, message, StringComparison.Ordinal);
        return message;
    }

    [Fact]
    public void ShouldPass_WhenPassed_ShouldReturnTheEvaluation() => Assert.Equal(Outcome.Pass, Passed.ShouldPass().Outcome);

    [Fact]
    public void ShouldPass_WhenFailed_ShouldSayItFailedAndWhy() =>
        Assert.Contains("should pass aws:rds/instance:Instance orders, but failed it: storage is not encrypted (master password [secret])", Failure(() => Failed.ShouldPass()), StringComparison.Ordinal);

    [Fact]
    public void ShouldFail_WhenFailedWithTheMessage_ShouldReturnTheEvaluation() => Assert.Equal(Outcome.Fail, Failed.ShouldFail("not encrypted").Outcome);

    [Fact]
    public void ShouldFail_WhenPassed_ShouldSayItPassed() =>
        Assert.Contains("should fail aws:rds/instance:Instance orders, but passed it", Failure(() => Passed.ShouldFail()), StringComparison.Ordinal);

    [Fact]
    public void ShouldFail_WhenNoMessageMatches_ShouldListTheMessages() =>
        Assert.Contains("no message contains \"public\": storage is not encrypted", Failure(() => Failed.ShouldFail("public")), StringComparison.Ordinal);

    [Fact]
    public void ShouldBeNotApplicable_WhenNotApplicable_ShouldReturnTheEvaluation() =>
        Assert.Equal(Outcome.NotApplicable, NotApplicable.ShouldBeNotApplicable("not known").Outcome);

    [Fact]
    public void ShouldBeNotApplicable_WhenFailed_ShouldSayItFailed() =>
        Assert.Contains("should be not applicable", Failure(() => Failed.ShouldBeNotApplicable()), StringComparison.Ordinal);

    [Fact]
    public void ShouldBeNotApplicable_WhenTheReasonDiffers_ShouldQuoteTheReason() =>
        Assert.Contains("storageEncrypted is not known until the deployment runs", Failure(() => NotApplicable.ShouldBeNotApplicable("excluded")), StringComparison.Ordinal);

    [Fact]
    public void ShouldNotBlock_WhenClean_ShouldReturnTheResult() => Assert.Empty(Clean.ShouldNotBlock().Findings);

    [Fact]
    public void ShouldNotBlock_WhenAMandatoryPolicyFails_ShouldListTheBlockingFinding() =>
        Assert.Contains("1 blocking finding(s):", Failure(() => Blocking.ShouldNotBlock()), StringComparison.Ordinal);

    [Fact]
    public void ShouldHaveNoFinding_WhenClean_ShouldReturnTheResult() => Assert.Empty(Clean.ShouldHaveNoFinding().Findings);

    [Fact]
    public void ShouldHaveNoFinding_WhenAFindingRemains_ShouldNameItsPolicyAndResource() =>
        Assert.Contains("test-encrypted-database-storage (mandatory) aws:rds/instance:Instance orders", Failure(() => Blocking.ShouldHaveNoFinding()), StringComparison.Ordinal);

    [Fact]
    public void ShouldHaveFinding_WhenPresent_ShouldReturnTheFinding() =>
        Assert.Equal("orders", Blocking.ShouldHaveFinding("test-encrypted-database-storage", "orders").Resource.Name);

    [Fact]
    public void ShouldHaveFinding_WhenAbsent_ShouldSayThereAreNone() =>
        Assert.Contains("no finding of test-encrypted-database-storage on orders; the findings are:", Failure(() => Clean.ShouldHaveFinding("test-encrypted-database-storage", "orders")), StringComparison.Ordinal);
}
