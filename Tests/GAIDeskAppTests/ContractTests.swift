import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// A screen that exists only in this test target: it counts keys, asks for an effect, opens a copy of
/// itself and shows a box, all through the screen contract (no edit to the app).
struct TallyScreen: AppScreen {
  var count = 0
  var saved = false
  var note = TextFieldState()

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap([
      KeyBinding(.enter, .submit, help: "Save the tally"),
      KeyBinding(.function(5), .add, help: "Another tally", label: "F5"),
      KeyBinding(.function(6), .edit, help: "A box"),
      KeyBinding(.escape, .back, help: "Back"),
    ])
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let block = Block(title: "Tally \(count)" + (saved ? " saved" : ""))
    grid.render(block, in: area)
    let field = Rect(x: area.x + 1, y: area.y + 1, width: 20, height: 1)
    grid.render(TextField(note), in: field)
    return TextField(note).cursorPosition(in: field)
  }

  mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    switch command {
    case .submit: Reaction([.completeFollowUp(id: "F-1")])
    case .add: Reaction(navigation: .push(.custom(TallyScreen())))
    case .edit: Reaction(navigation: .overlay(.message("A box")), notice: Notice("Boxed"))
    default: Reaction()
    }
  }

  mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if note.handle(key) { count += 1 }
    return Reaction()
  }

  mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    saved = true
    return Reaction(notice: Notice("Tally saved", role: .success))
  }

  var isDirty: Bool { !note.text.isEmpty }
}

@Suite("The screen contract")
struct ContractTests {
  func tally(_ model: AppModel) -> TallyScreen? {
    guard case .custom(let screen) = model.screen else { return nil }
    return screen as? TallyScreen
  }

  @Test("a screen defined in a test target types, asks for effects, navigates and draws its own footer")
  func testOnlyScreen() {
    var model = Fixture.model()
    model.screens.append(.custom(TallyScreen()))
    Fixture.type(&model, "abc")
    #expect(tally(model)?.count == 3)
    let text = model.view().grid.lines.joined(separator: "\n")
    #expect(text.contains("Tally 3"))
    #expect(text.contains("Save the tally"), "the footer comes from the screen's key map")
    // Enter asks for a write: the status line says it is saving until the answer comes.
    #expect(Fixture.press(&model, [.enter]) == [.completeFollowUp(id: "F-1")])
    #expect(model.busy != nil)
    _ = model.update(.done(.completeFollowUp(id: "F-1"), model.state, visitID: nil, referralID: nil))
    #expect(model.busy == nil)
    #expect(tally(model)?.saved == true)
    // Navigation: push another, a box over it, then back with Esc.
    let depth = model.screens.count
    Fixture.press(&model, [.function(5)])
    #expect(model.screens.count == depth + 1)
    #expect(tally(model)?.count == 0)
    Fixture.press(&model, [.function(6)])
    #expect(model.view().grid.lines.joined().contains("A box"))
    Fixture.press(&model, [.enter, .escape])
    #expect(model.screens.count == depth)
    // Something typed: Esc asks before it is lost.
    Fixture.press(&model, [.escape])
    #expect(model.overlay != nil)
  }
}

@Suite("Safe keys at the desk")
struct SafeKeyTests {
  @Test("l asks before marking a ticket left without service; n keeps it")
  func leftAsks() {
    var model = Fixture.model()
    Fixture.press(&model, [.down])
    #expect(Fixture.press(&model, [.character("l")]) == [])
    guard case .confirmLeft(let visitID) = model.overlay else {
      Issue.record("l did not ask")
      return
    }
    #expect(Fixture.press(&model, [.character("n")]) == [])
    #expect(model.overlay == nil)
    Fixture.press(&model, [.character("l")])
    #expect(Fixture.press(&model, [.character("s")]) == [.markLeft(visitID: visitID)])
  }

  @Test("whoever unlocked is at the desk: the name is the account's, typing sets the desk")
  func staffIsTheUnlockedAccount() {
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24),
      now: Fixture.now)
    _ = model.update(.opened(office: "praia", state: Fixture.state(), account: "Rui"))
    _ = Fixture.type(&model, "3")
    _ = Fixture.press(&model, [.enter])
    #expect(model.staff == "Rui" && model.desk == "3")
  }

  @Test("front desk does not open the supervisor's tabs: the core's refusal says who can")
  func frontDeskStaysAtTheQueue() {
    var state = Fixture.state()
    let rui = Account(
      id: "u1", name: "Rui", role: .frontDesk, publicKey: [], isRecovery: false, slot: [])
    state.apply(
      EventBatch(staff: "Ana", office: "praia", events: [.accountAdded(rui)]), time: WallTime(Fixture.now))
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana"), size: Size(width: 80, height: 24),
      now: Fixture.now)
    _ = model.update(.opened(office: "praia", state: state, account: "Rui"))
    _ = Fixture.press(&model, [.enter, .escape, .character("s")])  // no PIN this session
    #expect(model.screen.contract is QueueScreen)
    #expect(
      model.notice?.text.contains(
        "não pode ver os números da supervisão: só um(a) supervisor(a) ou administrador(a)")
        == true, "\(model.notice?.text ?? "")")
  }
}
