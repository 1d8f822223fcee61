import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// The first write of a session waits for the person to check the date when the clock looks wrong.
@Suite("Clock check before the first write")
struct ClockCheckTests {
  @Test("a clock behind the newest record asks once; Enter sends the held write, later writes go straight")
  func asksOnce() throws {
    var model = Fixture.model()
    model.desk = "2"  // desk 1 still has A-002 called
    let newest = try #require(model.state.latestWall)
    _ = model.update(.tick(newest.date.addingTimeInterval(-600)))
    #expect(Fixture.press(&model, [.character("c")]).isEmpty)
    guard case .confirmClock(.behind(let shown), let held, _) = model.overlay else {
      Issue.record("no clock question")
      return
    }
    #expect(shown == newest)
    #expect(held == [.callNext(desk: "2")])
    #expect(model.busy == nil)
    let message = model.clockMessage(.behind(newest: newest))
    #expect(message.contains(LocalTime.clock(newest)))
    #expect(message.contains(LocalTime.clock(WallTime(model.now))))
    #expect(model.view().grid.lines.joined().contains("Verifique a data"))
    #expect(Fixture.press(&model, [.enter]) == [.callNext(desk: "2")])
    #expect(model.overlay == nil)
    #expect(model.busy != nil)
    #expect(model.clockConfirmed)
    model.busy = nil
    #expect(Fixture.press(&model, [.character("c")]) == [.callNext(desk: "2")])
    #expect(model.overlay == nil)
  }

  @Test("s also continues; Esc cancels the write and nothing is sent")
  func continuesOrCancels() throws {
    var model = Fixture.model()
    model.desk = "2"  // desk 1 still has A-002 called
    let newest = try #require(model.state.latestWall)
    _ = model.update(.tick(newest.date.addingTimeInterval(-600)))
    Fixture.press(&model, [.character("c")])
    #expect(Fixture.press(&model, [.escape]).isEmpty)
    #expect(model.overlay == nil)
    #expect(model.busy == nil)
    #expect(!model.clockConfirmed)
    #expect(model.notice?.role == .warning)
    Fixture.press(&model, [.character("c")])
    #expect(Fixture.press(&model, [.character("s")]) == [.callNext(desk: "2")])
  }

  @Test("a clock far ahead asks too; a right clock and reads never ask")
  func aheadAndRight() throws {
    var model = Fixture.model()
    model.desk = "2"  // desk 1 still has A-002 called
    let newest = try #require(model.state.latestWall)
    #expect(Fixture.press(&model, [.character("c")]) == [.callNext(desk: "2")])
    #expect(!model.clockConfirmed)
    model.busy = nil
    _ = model.update(.tick(newest.date.addingTimeInterval(40 * 86_400)))
    #expect(model.checkingClock([.printSlip(referralID: "R-1", language: .portuguese)]).count == 1)
    #expect(model.checkingClock([.completeFollowUp(id: "F-1")]).isEmpty)
    guard case .confirmClock(.ahead(let shown), _, _) = model.overlay else {
      Issue.record("no clock question")
      return
    }
    #expect(shown == newest)
  }
}
