import Foundation
import Testing

@testable import GAIDesk

@Suite struct DemoTests {
  @Test func aNewOfficeGetsHistoryOverThePastDays() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let now = Date()
    var generator = DemoGenerator(seed: 11)
    let summary = try generator.fill(office, visitors: 150, days: 10, now: now)
    let state = office.state
    #expect(summary.visitors > 100 && summary.visits >= summary.visitors)
    #expect(state.visitsByDay.count >= 8)
    let waits = state.visits.values.compactMap { visit in
      visit.calledAt.map { $0.milliseconds - visit.arrivedAt.milliseconds }
    }
    #expect(waits.contains { $0 >= 60_000 })
    #expect(Set(state.visitors.values.compactMap(\.nationality)).count >= 5)
    #expect(state.allReferrals.contains { $0.status != .created })
    #expect(state.visits.values.allSatisfy { $0.arrivedAt.date <= now })
  }

  @Test func historyGoesAfterTheOfficesLastEvent() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    _ = try TestOffice.addVisitors(office, count: 1)
    let latest = try #require(office.state.latestWall)
    var generator = DemoGenerator(seed: 3)
    _ = try generator.fill(office, visitors: 50, days: 5)
    #expect(office.state.visits.values.allSatisfy { $0.arrivedAt > latest })
    #expect(try office.verify().isIntact)
  }
}
