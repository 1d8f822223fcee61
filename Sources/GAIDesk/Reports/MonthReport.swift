/// The month's figures for the national immigration authority: visits by service area and topic, by nationality, sex and age band,
/// referrals by partner and status, and waits. Computed from the journal's state, so they agree with what
/// was recorded, to the visit.
public struct MonthReport: Equatable, Sendable {
  /// Referrals to one partner, by status.
  public struct PartnerReferrals: Equatable, Sendable {
    /// The partner code.
    public let partner: String
    /// How many referrals were made to it.
    public let total: Int
    /// Their current status, in the order of `ReferralStatus.allCases` (zeros kept).
    public let byStatus: [Tally]
  }

  /// Age bands, in order.
  public static let ageBands = ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown"]
  /// Sexes, in order.
  public static let sexes = ["F", "M", "X", "unknown"]

  /// The month (YYYY-MM).
  public let month: String
  /// Tickets issued in the month.
  public let visits: Int
  /// Tickets served.
  public let served: Int
  /// Tickets that left without service.
  public let left: Int
  /// Distinct persons (merged records counted once) who took a ticket.
  public let visitors: Int
  /// Served tickets per service area (a ticket counts once per area it dealt with).
  public let byArea: [Tally]
  /// Served tickets per topic (a ticket counts once per topic).
  public let byTopic: [Tally]
  /// Tickets per nationality (ISO code, `unknown` when not recorded).
  public let byNationality: [Tally]
  /// Tickets per sex (F, M, X, unknown).
  public let bySex: [Tally]
  /// Tickets per age band (age in the month's year minus birth year).
  public let byAgeBand: [Tally]
  /// Referrals made in the month, per partner, with their current status.
  public let referralsByPartner: [PartnerReferrals]
  /// Referrals made in the month per current status (zeros kept).
  public let referralsByStatus: [Tally]
  /// Wait, arrival to call, over every ticket called in the month.
  public let wait: DurationStats
  /// Service time, call to end, over every ticket served in the month.
  public let service: DurationStats
  /// Tickets issued on each day of the month (the first count is the 1st).
  public let visitsPerDay: [Int]

  /// Referrals made in the month.
  public var referrals: Int { referralsByStatus.reduce(0) { $0 + $1.count } }

  /// The report of `month` (YYYY-MM) from `state`; only tickets of `office` when given.
  public init(state: OfficeState, month: String, office: String? = nil) {
    self.month = month
    let days = state.visitsByDay.keys.filter { $0.hasPrefix(month + "-") }.sorted()
    let all = days.flatMap { state.visits(on: $0) }.filter { office == nil || $0.office == office }
    visits = all.count
    let dates = (1...31).map { month + ($0 < 10 ? "-0" : "-") + String($0) }.filter(LocalTime.isDate)
    visitsPerDay = dates.map { date in all.filter { $0.day == date }.count }
    let done = all.filter { $0.status == .done }
    served = done.count
    left = all.filter { $0.status == .left }.count
    let people = all.map { state.canonicalVisitor($0.visitorID) }
    visitors = Set(people.map { $0?.id ?? "" }).count
    let reference = ReferenceData.shipped
    byArea = Tally.of(
      done.flatMap { visit in Set(visit.topics.map { reference.topic($0)?.area ?? "unknown" }) },
      order: reference.areas.map(\.code))
    byTopic = Tally.of(done.flatMap { Array(Set($0.topics)) })
    byNationality = Tally.of(people.map { $0?.nationality ?? "unknown" })
    bySex = Tally.of(people.map { $0?.sex?.rawValue ?? "unknown" }, order: MonthReport.sexes)
    let year = Int(month.prefix(4)) ?? 0
    byAgeBand = Tally.of(
      people.map { MonthReport.band(age: $0?.birthYear.map { year - $0 }) }, order: MonthReport.ageBands)
    let referrals = state.allReferrals.filter { LocalTime.day($0.createdAt).hasPrefix(month + "-") }
    let statuses = ReferralStatus.allCases.map(\.rawValue)
    referralsByStatus = Tally.of(referrals.map(\.status.rawValue), order: statuses)
    referralsByPartner = Tally.of(referrals.map(\.partner)).map { tally in
      PartnerReferrals(
        partner: tally.key, total: tally.count,
        byStatus: Tally.of(
          referrals.filter { $0.partner == tally.key }.map(\.status.rawValue), order: statuses))
    }
    wait = DurationStats(all.compactMap { v in v.calledAt.map { DurationStats.seconds(v.arrivedAt, $0) } })
    service = DurationStats(
      done.compactMap { v in
        guard let called = v.calledAt, let ended = v.endedAt else { return nil }
        return DurationStats.seconds(called, ended)
      })
  }

  /// The age band of `age` (nil: unknown).
  public static func band(age: Int?) -> String {
    guard let age, age >= 0 else { return "unknown" }
    switch age {
    case ..<18: return "0-17"
    case 18...24: return "18-24"
    case 25...34: return "25-34"
    case 35...44: return "35-44"
    case 45...54: return "45-54"
    case 55...64: return "55-64"
    default: return "65+"
    }
  }

  /// Whether `text` is a YYYY-MM month.
  public static func isMonth(_ text: String) -> Bool { text.count == 7 && LocalTime.isDate(text + "-01") }
}
