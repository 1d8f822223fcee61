import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A visitor's profile at 80×24: lines wrap inside the box, it says when more follows, PageDown reaches the
/// end and PageUp comes back; days read dd/mm/aaaa.
@Suite("Profile scrolls")
struct ProfileScrollTests {
  func text(_ model: AppModel) -> String { MessagePanelTests.panelWords(model.view().grid) }

  /// Aminata Baldé's profile (an overdue referral, a follow-up due, two visits).
  func profile() -> AppModel {
    var model = Fixture.model(width: 80, height: 24)
    Fixture.press(&model, [.down, .down, .character("p")])
    return model
  }

  @Test("the box says more follows; the overdue referral's line wraps whole inside the box")
  func wrapsAndSaysMore() {
    var model = profile()
    #expect(
      text(model).contains(model.tr("sheet.more")), "\(model.view().grid.lines.joined(separator: "\n"))")
    Fixture.press(&model, [.pageDown])
    let overdue = MessagePanelTests.words(model.tr("referral.overdue"))
    #expect(
      text(model).contains("01/03/2026 " + overdue), "\(model.view().grid.lines.joined(separator: "\n"))")
  }

  @Test("PageDown reaches the follow-ups (day as dd/mm/aaaa), PageUp returns to the top")
  func pages() {
    var model = profile()
    let top = model.view().grid.lines
    Fixture.press(&model, [.pageDown, .pageDown])
    #expect(text(model).contains("09/03/2026"), "\(model.view().grid.lines.joined(separator: "\n"))")
    #expect(!text(model).contains(model.tr("sheet.more")))
    Fixture.press(&model, [.pageUp, .pageUp])
    #expect(model.view().grid.lines == top)
  }
}
