import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// While the terminal is too small, nothing of the desk is drawn, only "enlarge the window (Ctrl-C quits)":
/// keys typed blind act on nothing, and Ctrl-C quits as the message says.
@Suite("A terminal too small (reducer)")
struct TooSmallKeysTests {
  /// The model serving A-002 (called to desk 1) in a 40×10 terminal.
  static func servingSmall() -> AppModel {
    var model = Fixture.model()
    model.openServe(model.state.visits["T-2"]!)
    _ = model.update(.resize(Size(width: 40, height: 10)))
    return model
  }

  @Test("keys typed blind do nothing: Esc then Enter does not put the visitor back in the queue")
  func blindKeys() {
    var model = Self.servingSmall()
    for key: KeyEvent in [.escape, .enter, .function(5), .function(10), .character("s"), .character("c")] {
      #expect(model.update(.key(key)).isEmpty, "\(key)")
    }
    #expect(model.overlay == nil)
    #expect(model.current(ServeScreen.self) != nil)
    _ = model.update(.resize(Size(width: 80, height: 24)))
    #expect(model.view().grid.lines.joined().contains("A-002"))
  }

  @Test("Ctrl-C quits at once, as the message says")
  func controlCQuits() {
    var model = Self.servingSmall()
    #expect(model.update(.key(.control("c"))) == [.quit])
  }
}
