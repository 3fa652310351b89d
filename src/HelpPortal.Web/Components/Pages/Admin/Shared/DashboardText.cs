namespace HelpPortal.Web.Components.Pages.Admin.Shared;

/// <summary>Marker for the dashboard's shared strings (Resources/Components/Pages/Admin/Shared/DashboardText.resx).</summary>
internal sealed class DashboardText;
