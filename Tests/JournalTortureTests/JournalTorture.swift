import Testing

/// The journal torture suite (RELIABILITY.md). Serialized: the fault injector is process-wide, and the crash
/// test already keeps several processes busy.
@Suite(.serialized) struct JournalTorture {}
