import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Queue keys that cannot act on the highlighted ticket say why instead of doing nothing.
@Suite("Queue keys say why")
struct QueueKeyTests {
  @Test(
    "l on a ticket already served says only a waiting or called ticket can leave",
    arguments: Language.allCases)
  func leftOnServed(language: Language) throws {
    var model = Fixture.model(language: language)
    let rows = QueueScreen.rows(model)
    let served = try #require(rows.firstIndex { $0.status == .done })
    Fixture.press(&model, Array(repeating: .down, count: served))
    #expect(Fixture.press(&model, [.character("l")]) == [])
    #expect(model.overlay == nil)
    let ticket = rows[served].ticket
    let notice = try #require(model.notice, "l said nothing")
    #expect(notice.text == model.tr("queue.cannotLeave", ticket, model.tr("status.done")))
    #expect(model.view().grid.lines.joined().contains(ticket))
  }
}
