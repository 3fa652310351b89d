namespace HelpPortal.Mail.Tester;

/// <summary>
/// A step ended with a diagnosis. Thrown inside the tester only; its texts are already free of the password.
/// </summary>
internal sealed class StepFailure(string diagnosis, string detail, string? serverReply = null) : Exception(detail)
{
    public string Diagnosis { get; } = diagnosis;
    public string Detail { get; } = detail;
    public string? ServerReply { get; } = serverReply;
}
