namespace SalesBot.Features.Shared;

/// <summary>Marks business entities whose every change is written to the audit log.</summary>
public interface IAudited;
