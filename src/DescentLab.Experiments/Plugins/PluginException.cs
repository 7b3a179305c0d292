namespace DescentLab.Experiments.Plugins;

/// <summary>A plug-in that cannot be loaded or describes its variants wrongly; the message says what and where.</summary>
public sealed class PluginException(string message) : Exception(message);
