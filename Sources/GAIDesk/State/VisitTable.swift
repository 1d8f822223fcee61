/// The office's visits, compact: one fixed-width row per visit in the order arrivals were folded, its ids
/// and texts numbers into tables shared by all rows. Read like a dictionary by visit id; each read builds
/// the `Visit` a reader sees. At 1M events this holds about a tenth of what `[String: Visit]` held.
public struct VisitTable: Sendable {
  /// One visit as stored: numbers into the tables of `VisitTable`, -1 for none.
  struct Row: Sendable {
    var arrivedAt: UInt64
    var calledAt: UInt64 = 0
    var endedAt: UInt64 = 0
    var number: Int
    var visitor: Int32
    var day: Int32
    var letter: Int32
    var office: Int32
    var arrivedBy: Int32
    var desk: Int32 = -1
    var servedBy: Int32 = -1
    var outcome: Int32 = -1
    var note: Int32 = -1
    var topics: Int32 = -1
    var status: VisitStatus = .waiting
    var hasCalledAt = false
    var hasEndedAt = false
  }

  /// The rows, in arrival order; a row's number is its visit id's number in `ids`.
  var rows: [Row] = []
  /// Visit ids, numbered as the rows.
  var ids = IDTable()
  /// The visitors' ids the visits name.
  var visitorIDs = IDTable()
  /// The local days of arrival.
  var days = StringPool()
  /// Offices, ticket letters, staff, desks, outcomes and notes.
  var texts = StringPool()
  /// Lists of topics dealt with.
  var topicLists = InternPool()
  /// Rows per day (by number in `days`), in arrival order.
  var rowsByDay: [[Int32]] = []
  /// Rows per visitor (by number in `visitorIDs`), in arrival order.
  var rowsByVisitor: [[Int32]] = []

  /// No visits.
  init() {}

  /// How many visits there are.
  public var count: Int { rows.count }
  /// Whether there are none.
  public var isEmpty: Bool { rows.isEmpty }

  /// The visit with id `id`.
  public subscript(id: String) -> Visit? {
    ids.index(of: id).map { visit(at: $0) }
  }

  /// Every visit, in the order their arrivals were folded.
  public var values: Values { Values(table: self) }

  /// The visits of local day `day`, in arrival order.
  public func visits(on day: String) -> [Visit] {
    guard let number = days.number(of: day) else { return [] }
    return rowsByDay[Int(number)].map { visit(at: $0) }
  }

  /// The visit in row `row`.
  func visit(at row: Int32) -> Visit {
    let stored = rows[Int(row)]
    var visit = Visit(
      id: ids.id(at: row), visitorID: visitorIDs.id(at: stored.visitor), day: days[stored.day],
      number: stored.number, office: texts[stored.office],
      arrivedAt: WallTime(milliseconds: stored.arrivedAt),
      arrivedBy: texts[stored.arrivedBy])
    visit.letter = texts[stored.letter]
    visit.calledAt = stored.hasCalledAt ? WallTime(milliseconds: stored.calledAt) : nil
    visit.desk = texts.optional(stored.desk)
    visit.servedBy = texts.optional(stored.servedBy)
    visit.endedAt = stored.hasEndedAt ? WallTime(milliseconds: stored.endedAt) : nil
    visit.topics = topicLists.optional(stored.topics) ?? []
    visit.outcome = texts.optional(stored.outcome)
    visit.note = texts.optional(stored.note)
    visit.status = stored.status
    return visit
  }

  /// Adds a waiting visit, unless one with its id is already there; its row, or nil.
  mutating func arrive(
    id: String, visitorID: String, day: String, number: Int, letter: String, office: String,
    at time: WallTime,
    by staff: String
  ) -> Int32? {
    let (row, inserted) = ids.insert(id)
    guard inserted else { return nil }
    return add(
      row, visitor: visitorIDs.insert(visitorID), day: days.intern(day), number: number,
      letter: texts.intern(letter), office: texts.intern(office), at: time, by: texts.intern(staff))
  }

  /// `arrive` with every id and text given as its UTF-8 bytes (valid UTF-8), as they lie in a record.
  mutating func arrive(
    id: UnsafeBufferPointer<UInt8>, visitorID: UnsafeBufferPointer<UInt8>, day: UnsafeBufferPointer<UInt8>,
    number: Int, letter: UnsafeBufferPointer<UInt8>, office: UnsafeBufferPointer<UInt8>, at time: WallTime,
    by staff: UnsafeBufferPointer<UInt8>
  ) -> Int32? {
    let (row, inserted) = ids.insert(bytes: id)
    guard inserted else { return nil }
    return add(
      row, visitor: visitorIDs.insert(bytes: visitorID), day: days.intern(bytes: day), number: number,
      letter: texts.intern(bytes: letter), office: texts.intern(bytes: office), at: time,
      by: texts.intern(bytes: staff))
  }

  /// Adds the row of a visit whose id was just numbered `row` (numbers in the tables, interned in the order
  /// `arrive` names them, so both spellings of `arrive` number alike).
  private mutating func add(
    _ row: Int32, visitor: (index: Int32, inserted: Bool), day: Int32, number: Int, letter: Int32,
    office: Int32, at time: WallTime, by staff: Int32
  ) -> Int32 {
    if visitor.inserted { rowsByVisitor.append([]) }
    if Int(day) == rowsByDay.count { rowsByDay.append([]) }
    rows.append(
      Row(
        arrivedAt: time.milliseconds, number: number, visitor: visitor.index, day: day, letter: letter,
        office: office, arrivedBy: staff))
    rowsByDay[Int(day)].append(row)
    rowsByVisitor[Int(visitor.index)].append(row)
    return row
  }

  /// The row of visit `id`.
  func row(of id: String) -> Int32? { ids.index(of: id) }

  /// The row of the visit whose id has UTF-8 `bytes`.
  func row(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32? { ids.index(ofBytes: bytes) }

  /// The status of the visit in `row`.
  func status(_ row: Int32) -> VisitStatus { rows[Int(row)].status }

  /// Whether `row` was called (it then has the staff who serve it).
  func isCalled(_ row: Int32) -> Bool { rows[Int(row)].servedBy >= 0 }

  /// The number in `texts` of the staff who serve `row` (-1 before it is called).
  func servedBy(_ row: Int32) -> Int32 { rows[Int(row)].servedBy }

  /// Called to `desk` by `staff`.
  mutating func call(_ row: Int32, at time: WallTime, desk: String?, by staff: String) {
    call(row, at: time, desk: texts.intern(desk), by: texts.intern(staff))
  }

  /// Called to desk number `desk` in `texts` (-1 for none) by staff number `staff`.
  mutating func call(_ row: Int32, at time: WallTime, desk: Int32, by staff: Int32) {
    rows.withUnsafeMutableBufferPointer { rows in
      rows[Int(row)].status = .called
      rows[Int(row)].calledAt = time.milliseconds
      rows[Int(row)].hasCalledAt = true
      rows[Int(row)].desk = desk
      rows[Int(row)].servedBy = staff
    }
  }

  /// Closed with what was dealt with; served by whoever called it, else by `staff`.
  mutating func close(
    _ row: Int32, at time: WallTime, topics: [String], outcome: String?, note: String?, by staff: String
  ) {
    let topics = topicLists.intern(topics)
    let outcome = texts.intern(outcome)
    let note = texts.intern(note)
    let staff = isCalled(row) ? servedBy(row) : texts.intern(staff)
    close(row, at: time, topics: topics, outcome: outcome, note: note, by: staff)
  }

  /// Closed with the numbers of what was dealt with (-1 for none) by staff number `staff` (`close` above
  /// gives the staff who called it when there is one).
  mutating func close(
    _ row: Int32, at time: WallTime, topics: Int32, outcome: Int32, note: Int32, by staff: Int32
  ) {
    rows.withUnsafeMutableBufferPointer { rows in
      if !rows[Int(row)].hasCalledAt {
        rows[Int(row)].calledAt = time.milliseconds
        rows[Int(row)].hasCalledAt = true
      }
      rows[Int(row)].status = .done
      rows[Int(row)].endedAt = time.milliseconds
      rows[Int(row)].hasEndedAt = true
      rows[Int(row)].topics = topics
      rows[Int(row)].outcome = outcome
      rows[Int(row)].note = note
      rows[Int(row)].servedBy = staff
    }
  }

  /// Left without service at `time`.
  mutating func leave(_ row: Int32, at time: WallTime) {
    rows[Int(row)].status = .left
    rows[Int(row)].endedAt = time.milliseconds
    rows[Int(row)].hasEndedAt = true
  }

  /// Back in the queue: waiting, or at its desk when it had been called.
  mutating func reopen(_ row: Int32) {
    rows[Int(row)].status = rows[Int(row)].hasCalledAt ? .called : .waiting
    rows[Int(row)].hasEndedAt = false
    rows[Int(row)].endedAt = 0
  }

  /// Back in the queue as before its call: waiting, with no call time, desk or staff.
  mutating func uncall(_ row: Int32) {
    rows[Int(row)].status = .waiting
    rows[Int(row)].calledAt = 0
    rows[Int(row)].hasCalledAt = false
    rows[Int(row)].desk = -1
    rows[Int(row)].servedBy = -1
  }

  /// The visits of a table as a collection, in arrival order.
  public struct Values: RandomAccessCollection, Sendable {
    let table: VisitTable
    /// The first position.
    public var startIndex: Int { 0 }
    /// Past the last position.
    public var endIndex: Int { table.rows.count }
    /// The visit at `position`.
    public subscript(position: Int) -> Visit { table.visit(at: Int32(position)) }
  }
}

extension VisitTable: Equatable {
  /// The same visits by id, whatever the order and numbering of the tables.
  public static func == (lhs: VisitTable, rhs: VisitTable) -> Bool {
    lhs.count == rhs.count && lhs.values.allSatisfy { rhs[$0.id] == $0 }
  }
}

/// The visit ids of a table grouped by day or by visitor, read like `[String: [String]]`.
public struct VisitGroups: Sendable {
  /// What the groups are keyed by.
  enum Key: Sendable {
    case day, visitor
  }

  let table: VisitTable
  let key: Key

  /// The keys of the groups (each holds at least one visit).
  public var keys: [String] {
    switch key {
    case .day: table.days.values
    case .visitor: (0..<Int32(table.visitorIDs.count)).map { table.visitorIDs.id(at: $0) }
    }
  }

  /// How many groups there are.
  public var count: Int { key == .day ? table.days.count : table.visitorIDs.count }

  /// The ids of the visits of group `name`, in arrival order.
  public subscript(name: String) -> [String]? {
    let rows: [Int32]?
    switch key {
    case .day: rows = table.days.number(of: name).map { table.rowsByDay[Int($0)] }
    case .visitor: rows = table.visitorIDs.index(of: name).map { table.rowsByVisitor[Int($0)] }
    }
    return rows?.map { table.ids.id(at: $0) }
  }
}
