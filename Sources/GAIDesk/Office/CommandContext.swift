/// What a command sees while it builds its events under the append lock: the fresh state, the record's
/// place in the journal, and fresh ids.
public struct CommandContext {
  /// The office state, including every other process's appends.
  public let state: OfficeState
  /// The record being written.
  public let stamp: RecordStamp
  /// The office code.
  public let office: String
  /// Who acts.
  public let staff: String
  private var issued: [String: Int] = [:]

  init(state: OfficeState, stamp: RecordStamp, office: String, staff: String) {
    self.state = state
    self.stamp = stamp
    self.office = office
    self.staff = staff
  }

  /// The local day the record belongs to (from the wall clock, never from the hybrid clock).
  public var today: String { LocalTime.day(stamp.wall) }

  /// A new id for an entity of `kind` (V visitor, T visit, R referral, F follow-up), unique across offices:
  /// the kind, the origin's tag and the record's sequence, e.g. `V-K7QD-12`.
  public mutating func newID(_ kind: String) -> String {
    let count = issued[kind, default: 0]
    issued[kind] = count + 1
    let base = "\(kind)-\(stamp.origin.tag)-\(stamp.sequence)"
    return count == 0 ? base : "\(base).\(count + 1)"
  }
}
