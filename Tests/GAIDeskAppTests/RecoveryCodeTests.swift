import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A new office's recovery code is shown once: as what it is (not as an error), and it stays until Enter, so a
/// key meant for the PIN field does not make it vanish before it is written down.
@Suite("Recovery code shown once")
struct RecoveryCodeTests {
  static let code = "BX6J-SZGW-4Y9D-EAB9-EN9V-DNR5"

  /// A model that has just created the office from the setup screen.
  static func created(language: Language = .portuguese) -> AppModel {
    var model = AppModel(
      hasOffice: false, settings: OfficeSettings(language: language.rawValue),
      size: Size(width: 80, height: 24),
      now: Fixture.now)
    _ = model.update(.opened(office: "praia", state: Fixture.state(), account: "Ana", recoveryCode: code))
    return model
  }

  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test("the box is titled as the recovery code, not as an error", arguments: Language.allCases)
  func titled(language: Language) {
    let model = Self.created(language: language)
    let text = Self.text(model)
    #expect(text.contains(Self.code))
    #expect(text.contains(model.tr("setup.recoveryTitle")), "\(text)")
    #expect(!text.contains(model.tr("error.title")), "\(text)")
  }

  @Test("it shows over the queue alone: the PIN box comes after it, not drawn beneath it")
  func notOverThePINBox() {
    let model = Self.created()
    let text = Self.text(model)
    #expect(text.contains(Self.code))
    #expect(!text.contains(model.tr("pin.title")), "\(text)")
    #expect(model.current(PinSetScreen.self) == nil)
  }

  @Test("digits and letters typed while it shows leave it there; Enter closes it")
  func onlyEnterCloses() {
    var model = Self.created()
    Fixture.type(&model, "58203147")
    Fixture.press(&model, [.escape, .tab, .character(" ")])
    #expect(Self.text(model).contains(Self.code))
    Fixture.press(&model, [.enter])
    #expect(!Self.text(model).contains(Self.code))
    #expect(model.current(PinSetScreen.self) != nil, "the PIN is asked next")
  }
}
