/// What importing bundles did: records added and already held, ranges parked, forks kept aside.
public struct ImportSummary: Equatable, Sendable {
  /// A range that cannot be applied yet: this office lacks the records before it.
  public struct Waiting: Equatable, Sendable {
    /// The origin.
    public var origin: OriginID
    /// The first missing sequence.
    public var from: UInt64
    /// The last missing sequence.
    public var through: UInt64
    /// Where the bundle waits, relative to the data folder (e.g. `incoming/…`).
    public var file: String
  }

  /// A range whose records differ from what this office holds at the same (origin, sequence).
  public struct Fork: Equatable, Sendable {
    /// The origin.
    public var origin: OriginID
    /// The first sequence at which the two histories differ (or the sequence the bundle chains to).
    public var sequence: UInt64
    /// Where the bundle is kept aside, relative to the data folder (e.g. `forks/…`).
    public var file: String
  }

  /// Bundles read.
  public var bundles = 0
  /// Records appended (including records of bundles parked earlier whose gap was filled).
  public var added = 0
  /// Records this office already held, identical.
  public var alreadyHad = 0
  /// Ranges still waiting for earlier records, after every parked bundle was tried again.
  public var parked: [Waiting] = []
  /// Forks found, nothing merged.
  public var forks: [Fork] = []

  /// Creates an empty summary.
  public init() {}
}
