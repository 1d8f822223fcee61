import Foundation
import GAIDesk
import Testing

@testable import GAIDeskApp

/// The office on its own thread: sending never waits, answers come back in order.
@Suite("Office worker")
struct WorkerTests {
  @Test("effects run in the order sent, off the caller's thread, and their answers are polled")
  func ordered() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let worker = OfficeWorker(runtime: runtime)
    for name in ["Ana Lopes", "Rui Semedo", "Moussa Diop"] {
      worker.send(.arriveNew(VisitorForm(fullName: name)), staff: "Ana")
    }
    var answers: [Message] = []
    let deadline = Date().addingTimeInterval(10)
    // Each answer is followed by the core's health report.
    while answers.count < 6, Date() < deadline {
      answers += worker.poll()
      usleep(5_000)
    }
    worker.finish()
    #expect(!worker.isBusy)
    let tickets = answers.compactMap { answer -> Int? in
      guard case .done(_, let state, let visitID?, _, _) = answer else { return nil }
      return state.visits[visitID]?.number
    }
    #expect(tickets == [1, 2, 3])
    let reports = answers.compactMap { answer -> OfficeHealth? in
      guard case .health(let report) = answer else { return nil }
      return report
    }
    #expect(reports.count == 3)
    #expect(reports.last?.damage == [])
    #expect(reports.last?.backupOverdue(now: Date()) == true)
  }
}
