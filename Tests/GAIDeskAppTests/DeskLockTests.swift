import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var time = Fixture.now

  var now: Date { lock.withLock { time } }
  func advance(seconds: Double) { lock.withLock { time = time.addingTimeInterval(seconds) } }
  var reading: @Sendable () -> Date { { [self] in now } }
}

@Suite("Desk lock, PIN switch and key wipe (reducer, injected clock)")
struct DeskLockTests {
  static let pin = "58203147"

  /// A model unlocked with the passphrase by Ana, who chose `pin`, at the queue.
  static func unlocked(_ clock: TestClock, pin: String? = DeskLockTests.pin) -> AppModel {
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24),
      now: Fixture.now)
    model.deskClock = clock.reading
    _ = model.update(.opened(office: "praia", state: Fixture.state()))
    _ = model.update(.key(.enter))
    #expect(model.current(PinSetScreen.self) != nil, "the PIN is asked after the passphrase")
    if let pin {
      Fixture.type(&model, pin)
      Fixture.press(&model, [.tab])
      Fixture.type(&model, pin)
      Fixture.press(&model, [.enter])
      #expect(model.deskSession?.hasPIN("Ana") == true)
    } else {
      Fixture.press(&model, [.escape])
    }
    #expect(model.queueScreen != nil)
    return model
  }

  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  @Test("the PIN box at 80×24 shows its whole texts in every language", arguments: Language.allCases)
  func pinBoxTextsWhole(language: Language) {
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: language.rawValue),
      size: Size(width: 80, height: 24), now: Fixture.now)
    _ = model.update(.opened(office: "praia", state: Fixture.state()))
    _ = model.update(.key(.enter))
    #expect(model.current(PinSetScreen.self) != nil)
    let words = { (text: String) in
      text.replacing("│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let screen = words(Self.text(model))
    for text in [
      model.tr("pin.intro", "Ana", String(DeskPIN.minLength), String(DeskPIN.maxLength)),
      model.tr("pin.skip"),
    ] {
      #expect(screen.contains(words(text)), "\(language): \(text)\n\(Self.text(model))")
    }
  }

  @Test(
    "every refusal of the PIN box and of the locked screen shows whole at 80×24", arguments: Language.allCases
  )
  func refusalsWhole(language: Language) {
    let clock = TestClock()
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: language.rawValue),
      size: Size(width: 80, height: 24), now: Fixture.now)
    model.deskClock = clock.reading
    _ = model.update(.opened(office: "praia", state: Fixture.state()))
    _ = model.update(.key(.enter))
    let words = { (text: String) in
      text.replacing("│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let tr = model.tr
    let refusals: [(pin: String, again: String, message: String)] = [
      ("123456", "123456", tr.error(GAIDeskError(.pinCommon))),
      ("12", "12", tr.error(GAIDeskError(.pinLength, String(DeskPIN.minLength), String(DeskPIN.maxLength)))),
      (Self.pin, "58203148", tr("pin.mismatch")),
    ]
    for refusal in refusals {
      Fixture.type(&model, refusal.pin)
      Fixture.press(&model, [.tab])
      Fixture.type(&model, refusal.again)
      Fixture.press(&model, [.enter])
      let screen = Self.text(model)
      for text in [refusal.message, tr("pin.skip")] {
        #expect(words(screen).contains(words(text)), "\(language): \(text)\n\(screen)")
      }
    }
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.tab])
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.enter, .control("l")])
    #expect(model.isLocked)
    Fixture.type(&model, "11111111")
    Fixture.press(&model, [.enter])
    let screen = Self.text(model)
    let wrong = tr("lock.wrongPIN", String(DeskSession.maxWrongPINs - 1))
    #expect(words(screen).contains(words(wrong)), "\(language): \(wrong)\n\(screen)")
  }

  @Test("the PIN screen refuses a common PIN and two different ones, then keeps a good one")
  func pinChoice() {
    let clock = TestClock()
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24),
      now: Fixture.now)
    model.deskClock = clock.reading
    _ = model.update(.opened(office: "praia", state: Fixture.state()))
    _ = model.update(.key(.enter))
    Fixture.type(&model, "123456")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "123456")
    Fixture.press(&model, [.enter])
    #expect(Self.text(model).contains("adivinhado depressa"))
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "58203148")
    Fixture.press(&model, [.enter])
    #expect(Self.text(model).contains("diferentes"))
    #expect(model.deskSession?.hasPIN("Ana") == false)
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.tab])
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.enter])
    #expect(model.deskSession?.hasPIN("Ana") == true)
    #expect(Self.text(model).contains("PIN guardado"))
  }

  @Test("the panic key locks at once, even over a box: nothing of the office shown, who was there named")
  func panicKey() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    #expect(Self.text(model).contains("Aminata Baldé"))
    Fixture.press(&model, [.function(1)])
    #expect(Self.text(model).contains("Ctrl-L"), "the help lists the panic key")
    Fixture.press(&model, [.escape, .character("a")])
    #expect(model.current(ArrivalScreen.self) != nil)
    Fixture.press(&model, [.control("l")])
    let locked = Self.text(model)
    #expect(model.isLocked)
    #expect(locked.contains("Ecrã bloqueado"))
    #expect(locked.contains("Estava ao balcão: Ana"))
    for name in ["Aminata Baldé", "Мария Иванова", "王小明", "Chegada", "A-005"] {
      #expect(!locked.contains(name))
    }
    // Answers arriving while locked stay underneath.
    _ = model.update(.changed(Fixture.withLookAlike()))
    #expect(!Self.text(model).contains("Joao Goncalves"))
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.enter])
    #expect(!model.isLocked)
    #expect(model.current(ArrivalScreen.self) != nil, "Ana is back where she was")
  }

  @Test("the panic key locks during a save; its answer, arriving locked, shows nothing (no notice, no box)")
  func panicWhileSaving() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    model.desk = "2"  // desk 1 still has A-002 called
    let effects = Fixture.press(&model, [.character("c")])
    #expect(effects == [.callNext(desk: "2")])
    #expect(model.busy != nil)
    Fixture.press(&model, [.control("l")])
    #expect(model.isLocked)
    var state = Fixture.state()
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.visitCalled(visitID: "T-4", desk: "2")]),
      time: Fixture.at(minutesAgo: 0, counter: 99))
    _ = model.update(.done(effects[0], state, visitID: "T-4", referralID: nil))
    let locked = Self.text(model)
    #expect(model.busy == nil)
    #expect(!locked.contains("João Gonçalves") && !locked.contains("A-004"), "\(locked)")
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.enter])
    #expect(model.current(ServeScreen.self) != nil, "the called visit is being served underneath")
  }

  @Test("3 minutes without a key lock the screen; a key before that starts the count again")
  func idleLock() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    clock.advance(seconds: 170)
    _ = model.update(.tick(clock.now))
    Fixture.press(&model, [.down])
    clock.advance(seconds: 170)
    _ = model.update(.tick(clock.now))
    #expect(!model.isLocked)
    clock.advance(seconds: 10)
    _ = model.update(.tick(clock.now))
    #expect(model.isLocked)
    #expect(Self.text(model).contains("Estava ao balcão: Ana"))
  }

  @Test("15 minutes locked wipe: the office is released, its state forgotten, the passphrase asked")
  func wipeAfterLock() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    Fixture.press(&model, [.function(12)])
    clock.advance(seconds: 14 * 60)
    #expect(model.update(.tick(clock.now)).isEmpty)
    clock.advance(seconds: 60)
    #expect(model.update(.tick(clock.now)) == [.closeOffice])
    #expect(model.deskSession == nil)
    #expect(model.state.visitors.isEmpty)
    #expect(model.current(UnlockScreen.self) != nil)
    #expect(Self.text(model).contains("as chaves foram apagadas"))
    // An answer that was on its way is dropped.
    _ = model.update(.changed(Fixture.state()))
    #expect(model.state.visitors.isEmpty)
  }

  @Test("10 hours in all wipe the keys even at an active desk")
  func sessionLimit() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    for _ in 0..<(10 * 60 - 1) {
      clock.advance(seconds: 60)
      Fixture.press(&model, [.down])
      #expect(model.update(.tick(clock.now)).isEmpty)
    }
    clock.advance(seconds: 60)
    Fixture.press(&model, [.down])
    #expect(model.update(.tick(clock.now)) == [.closeOffice])
    #expect(model.current(UnlockScreen.self) != nil)
  }

  @Test("5 wrong PINs in a row close the session; the count is said each time")
  func wrongPINs() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    Fixture.press(&model, [.control("l")])
    for remaining in [4, 3, 2, 1] {
      Fixture.type(&model, "11223399")
      #expect(Fixture.press(&model, [.enter]).isEmpty)
      #expect(Self.text(model).contains("mais \(remaining) \(remaining == 1 ? "erro" : "erros") a sessão"))
    }
    Fixture.type(&model, "11223399")
    #expect(Fixture.press(&model, [.enter]) == [.closeOffice])
    #expect(model.current(UnlockScreen.self) != nil)
    #expect(Self.text(model).contains("5 PINs errados"))
    #expect(model.deskSession == nil)
  }

  @Test("someone else joins with a name and the passphrase, chooses a PIN; PINs switch between the two")
  func switchingPeople() {
    let clock = TestClock()
    var model = Self.unlocked(clock)
    Fixture.press(&model, [.character("a"), .control("l")])
    Fixture.press(&model, [.down])
    Fixture.type(&model, "João")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "a good passphrase")
    let effects = Fixture.press(&model, [.enter])
    #expect(effects == [.checkPassphrase("a good passphrase")])
    _ = model.update(.failed(effects[0], GAIDeskError(.passphraseWrong)))
    #expect(model.isLocked)
    #expect(Self.text(model).contains("Palavra-passe errada"))
    Fixture.type(&model, "a good passphrase")
    _ = Fixture.press(&model, [.enter])
    _ = model.update(.passphraseChecked(person: nil))
    #expect(!model.isLocked)
    #expect(model.staff == "João")
    #expect(model.current(PinSetScreen.self) != nil)
    Fixture.type(&model, "73916248")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "73916248")
    Fixture.press(&model, [.enter])
    #expect(model.queueScreen != nil, "someone new starts at the queue")
    #expect(model.deskSession?.people == ["Ana", "João"])
    Fixture.press(&model, [.control("l")])
    #expect(Self.text(model).contains("Estava ao balcão: João"))
    Fixture.press(&model, [.up])
    Fixture.type(&model, Self.pin)
    Fixture.press(&model, [.enter])
    #expect(model.staff == "Ana")
    #expect(model.current(ArrivalScreen.self) != nil, "Ana's own screens come back")
    Fixture.press(&model, [.control("l")])
    Fixture.press(&model, [.down])
    Fixture.type(&model, "73916248")
    Fixture.press(&model, [.enter])
    #expect(model.staff == "João")
    #expect(model.queueScreen != nil)
  }

  @Test("without a PIN, the locked screen asks for the passphrase")
  func noPIN() {
    let clock = TestClock()
    var model = Self.unlocked(clock, pin: nil)
    Fixture.press(&model, [.control("l")])
    #expect(Self.text(model).contains("Palavra-passe:"))
    Fixture.type(&model, "a good passphrase")
    #expect(Fixture.press(&model, [.enter]) == [.checkPassphrase("a good passphrase")])
  }
}

@Suite("Desk lock against a real office")
struct DeskLockRuntimeTests {
  @Test("the passphrase of someone joining is checked on the open office; closing releases the office itself")
  func checkAndClose() throws {
    guard let (runtime, root) = Fixture.runtimeWithNewOffice() else {
      Issue.record("no office")
      return
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    let check = Effect.checkPassphrase("a good passphrase")
    guard case .passphraseChecked("Ana")? = runtime.perform(check, staff: "Ana") else {
      Issue.record("the right passphrase was refused, or did not name its account")
      return
    }
    let wrong = Effect.checkPassphrase("not the one")
    guard case .failed(wrong, GAIDeskError(.passphraseWrong))? = runtime.perform(wrong, staff: "Ana") else {
      Issue.record("a wrong passphrase was accepted")
      return
    }
    weak var released = runtime.office
    #expect(released != nil)
    #expect(runtime.perform(.closeOffice, staff: "Ana") == nil)
    // Nothing holds the office (its keys, its state) any more: swift-crypto zeroes the released keys.
    #expect(released == nil)
    #expect(runtime.refresh() == nil)
    guard case .failed(_, let error)? = runtime.perform(.callNext(desk: "1"), staff: "Ana") else {
      Issue.record("a closed office still answered")
      return
    }
    #expect(error.code == .officeMissing)
  }
}
