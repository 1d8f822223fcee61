import Foundation
import GAIDesk
import GAIDeskApp
import TerminalUI

/// The state of the generated office of `events` events (generated first if missing), opened warm.
func largeOfficeState(directory: String, events: Int) throws -> OfficeState {
  let root = directory + "/office-" + formatCount(events)
  try generateOffice(root: root, events: events)
  note("opening \(root)…")
  // The office goes away with the closure, so the state is uniquely referenced (no copy when changed).
  return try { try Office.open(at: OfficePaths(root: root), passphrase: benchPassphrase).state }()
}

/// The last day of the state and the days before it, newest first.
func daysNewestFirst(_ state: OfficeState) -> [String] { state.visitsByDay.keys.sorted(by: >) }

// MARK: - Reports

/// `DayReport` and `MonthReport` over the large office, in the process.
func reportsSection(_ report: inout Report, state: OfficeState, repeats: Int) {
  let days = daysNewestFirst(state)
  guard days.count >= 2 else { return }
  // The last complete day (the last one may have been cut by the generator) and the last complete month.
  let day = days[1]
  let months = Array(Set(days.map { String($0.prefix(7)) })).sorted(by: >)
  let month = months.count >= 2 ? months[1] : months[0]
  let section =
    "reports over \(state.eventCount) events (\(state.visits.count) visits, \(state.visitors.count) visitors)"
  note("reports: day \(day) and month \(month), \(repeats) times each…")
  var dayTimes: [Double] = []
  var monthTimes: [Double] = []
  var tickets = 0
  var monthVisits = 0
  for _ in 0..<repeats {
    dayTimes.append(measure { tickets = DayReport(state: state, day: day, office: "praia").ticketsIssued })
    monthTimes.append(
      measure { monthVisits = MonthReport(state: state, month: month, office: "praia").visits })
  }
  let d = Stats(dayTimes), m = Stats(monthTimes)
  report.add(
    section, "DayReport \(day) (\(tickets) tickets) p50 / max",
    measured: format(seconds: d.p50) + " / " + format(seconds: d.sorted.last ?? .nan), target: "< 200 ms",
    ok: (d.sorted.last ?? .infinity) < 0.2,
    figures: ["p50_s": d.p50, "max_s": d.sorted.last ?? .nan, "tickets": Double(tickets)])
  report.add(
    section, "MonthReport \(month) (\(monthVisits) visits) p50 / max",
    measured: format(seconds: m.p50) + " / " + format(seconds: m.sorted.last ?? .nan), target: "< 200 ms",
    ok: (m.sorted.last ?? .infinity) < 0.2,
    figures: ["p50_s": m.p50, "max_s": m.sorted.last ?? .nan, "visits": Double(monthVisits)])
}

// MARK: - Drawing

/// Adds a day of `tickets` tickets after the last day of `state` (done, left, being served and waiting, as at
/// midday), and returns that day and the time to draw it at.
func addBusyDay(to state: inout OfficeState, tickets: Int) -> (day: String, now: Date) {
  let last = daysNewestFirst(state).first ?? "2024-01-02"
  let day = LocalTime.adding(days: 1, to: last) ?? last
  let midnight = LocalTime.startMilliseconds(of: day) ?? 1_704_186_000_000
  var random = SeededRandom(seed: 5)
  let topics = ReferenceData.shipped.topics.map(\.code)
  let staff = ["ana", "joao", "maria", "djamila"]
  let visitors = state.visitorOrder
  var counter: UInt16 = 0
  func apply(_ minute: Int, _ who: String, _ events: [Event]) {
    counter &+= 1
    state.apply(
      EventBatch(staff: who, office: "praia", events: events),
      time: WallTime(milliseconds: midnight + UInt64(8 * 60 + minute) * 60_000 + UInt64(counter)))
  }
  // Arrivals every 4 minutes from 8:00; the first 45 served (called 10 minutes after arriving, 15 minutes
  // at the desk), 3 left, 4 at a desk now, the rest waiting.
  for n in 1...tickets {
    let id = "T-DAY-\(n)"
    let visitor = visitors[Int(random.next() % UInt64(visitors.count))]
    apply(n * 4, staff[n % 4], [.visitArrived(visitID: id, visitorID: visitor, day: day, number: n)])
  }
  for n in 1...tickets {
    let id = "T-DAY-\(n)"
    let who = staff[n % 4]
    if n <= tickets * 3 / 4 {
      apply(n * 4 + 10, who, [.visitCalled(visitID: id, desk: "\(1 + n % 4)")])
      apply(
        n * 4 + 25, who,
        [
          .visitClosed(
            visitID: id, topics: [topics[Int(random.next() % UInt64(topics.count))]], outcome: "informed",
            note: nil)
        ])
    } else if n <= tickets * 3 / 4 + 3 {
      apply(n * 4 + 20, who, [.visitLeft(visitID: id)])
    } else if n <= tickets * 3 / 4 + 7 {
      apply(n * 4 + 10, who, [.visitCalled(visitID: id, desk: "\(1 + n % 4)")])
    }
  }
  let now = Date(timeIntervalSince1970: Double(midnight) / 1000 + Double(8 * 60 + tickets * 4 + 30) * 60)
  return (day, now)
}
