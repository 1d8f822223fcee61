/// One arrival at the office: a queue ticket from arrival to done or left.
public struct Visit: Equatable, Sendable {
  /// Stable id, e.g. `T-K7QD-13`.
  public var id: String
  /// The visitor.
  public var visitorID: String
  /// The office's local day of arrival (YYYY-MM-DD).
  public var day: String
  /// The daily ticket number in this office (counted per letter).
  public var number: Int
  /// The ticket letter of the PC that issued it, so two PCs of one office never issue the same ticket.
  public var letter = "A"
  /// The office code.
  public var office: String
  /// When the visitor arrived.
  public var arrivedAt: WallTime
  /// Who registered the arrival.
  public var arrivedBy: String
  /// When the visitor was called to a desk.
  public var calledAt: WallTime?
  /// The desk called to.
  public var desk: String?
  /// Who called the visitor.
  public var servedBy: String?
  /// When the visit ended (done or left).
  public var endedAt: WallTime?
  /// Topics dealt with.
  public var topics: [String] = []
  /// The outcome, in a few words.
  public var outcome: String?
  /// Free notes.
  public var note: String?
  /// Where the visit stands.
  public var status: VisitStatus = .waiting

  /// The ticket as shown, e.g. `A-007` (`B-007` from another PC of the office).
  public var ticket: String { Visit.ticket(number, letter: letter) }

  /// Formats a ticket number, e.g. `A-007`.
  public static func ticket(_ number: Int, letter: String = "A") -> String {
    let digits = String(number)
    return letter + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }

  /// Creates a waiting visit.
  public init(
    id: String, visitorID: String, day: String, number: Int, office: String, arrivedAt: WallTime,
    arrivedBy: String
  ) {
    self.id = id
    self.visitorID = visitorID
    self.day = day
    self.number = number
    self.office = office
    self.arrivedAt = arrivedAt
    self.arrivedBy = arrivedBy
  }
}

/// Where a visit stands in the day's queue.
public enum VisitStatus: String, Sendable, CaseIterable {
  /// Arrived, waiting to be called.
  case waiting
  /// Called to a desk, being served.
  case called
  /// Served and closed.
  case done
  /// Left without service.
  case left

  /// Whether a visit in this status is still in the queue (waiting or at a desk).
  var isOpen: Bool { self == .waiting || self == .called }
}
