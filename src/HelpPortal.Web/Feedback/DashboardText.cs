namespace HelpPortal.Web.Feedback;

/// <summary>Marker for the dashboard's shared strings (Resources/Feedback/DashboardText.resx).</summary>
internal sealed class DashboardText;
