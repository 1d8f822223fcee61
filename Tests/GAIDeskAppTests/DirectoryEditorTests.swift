import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

@Suite("Supervisor: editing partners and sheets (reducer)")
struct DirectoryEditorTests {
  /// The model on the supervisor's Partners tab.
  static func partners() -> AppModel {
    var model = Fixture.model()
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab])
    return model
  }

  /// The model on the supervisor's Sheets tab.
  static func sheets(language: Language = .portuguese) -> AppModel {
    var model = Fixture.model(language: language)
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab, .tab])
    return model
  }

  static func editor(_ model: AppModel) -> DirectoryEditor? {
    guard let s = model.current(SupervisorScreen.self) else { return nil }
    return s.editor
  }

  static func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  /// Clears the focused field by pressing Backspace `count` times after End.
  static func clear(_ model: inout AppModel, _ count: Int = 80) {
    Fixture.press(&model, [.end] + Array(repeating: .backspace, count: count))
  }

  @Test("e edits the selected partner; Esc asks before losing changes; saved only once the save returns")
  func editPartner() {
    var model = Self.partners()
    let partner = model.directory.activePartners[1]
    Fixture.press(&model, [.down, .character("e")])
    guard case .partner(let e) = Self.editor(model) else { Issue.record("no partner form"); return }
    #expect(e.code == partner.code)
    #expect(e.form.values[0].text == partner.name)
    #expect(model.keyMap().footerEntries.contains { $0.help == model.tr("key.save") })
    // Esc without changes closes the form.
    Fixture.press(&model, [.escape])
    #expect(Self.editor(model) == nil)
    guard model.current(SupervisorScreen.self) != nil else { Issue.record("left the supervisor"); return }
    Fixture.press(&model, [.character("e"), .tab])
    Fixture.type(&model, "2601234")
    Fixture.press(&model, [.escape])
    guard case .confirmDiscard = model.overlay else { Issue.record("Esc did not ask"); return }
    Fixture.press(&model, [.character("n")])
    #expect(Self.editor(model) != nil)
    Fixture.press(&model, [.tab, .tab, .tab])
    Self.clear(&model)
    Fixture.type(&model, "santiago, sal")
    let effects = Fixture.press(&model, [.enter])
    var fields = PartnerFields(
      name: partner.name, phone: "2601234", email: partner.email, address: partner.address,
      islands: ["santiago", "sal"], languages: partner.languages, topics: partner.topics)
    fields.phone = (partner.phone ?? "") + "2601234"
    #expect(effects == [.updatePartner(code: partner.code, fields: fields)])
    #expect(model.busy != nil)
    #expect(!Self.text(model).contains("Parceiro guardado"))
    // A refusal keeps the form and what was typed, and says why.
    _ = model.update(.failed(effects[0], GAIDeskError(.fieldIsland, "sal")))
    guard case .partner(let kept) = Self.editor(model) else { Issue.record("the form was lost"); return }
    #expect(kept.error != nil)
    #expect(kept.form.values[4].text == "santiago, sal")
    #expect(Fixture.press(&model, [.enter]) == effects)
    _ = model.update(.done(effects[0], model.state, visitID: nil, referralID: nil))
    #expect(Self.editor(model) == nil)
    #expect(Self.text(model).contains("Parceiro guardado: " + partner.name))
  }

  @Test("unknown contacts stay empty: a cleared phone is saved as unknown")
  func clearedContact() {
    var model = Self.partners()
    Fixture.press(&model, [.character("e"), .tab])
    Fixture.type(&model, "x")
    Self.clear(&model)
    let effects = Fixture.press(&model, [.enter])
    guard case .updatePartner(_, let fields) = effects.first else { Issue.record("no save"); return }
    #expect(fields.phone == nil)
    #expect(fields.email == nil)
  }

  @Test("n adds a partner: code and name required (the core's rule), lists as comma-separated codes")
  func addPartner() {
    var model = Self.partners()
    Fixture.press(&model, [.character("n")])
    guard case .partner(let e) = Self.editor(model) else { Issue.record("no form"); return }
    #expect(e.code == nil)
    #expect(e.fieldKeys.count == 8)
    #expect(Fixture.press(&model, [.enter]).isEmpty)
    // The core's refusal of an empty code, wrapped at 80 columns: its first words.
    let refusal = model.tr.error(GAIDeskError(.partnerCode, ""))
    #expect(Self.text(model).contains(refusal.prefix(while: { $0 != ":" })))
    Fixture.type(&model, "ong-praia")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "Associação de Apoio")
    Fixture.press(&model, [.tab, .tab, .tab])
    Fixture.type(&model, "Rua 5, Plateau")
    Fixture.press(&model, [.tab, .tab])
    Fixture.type(&model, "pt, FR")
    Fixture.press(&model, [.tab])
    Fixture.type(&model, "residence.renewal,integration.portuguese-classes")
    let effects = Fixture.press(&model, [.enter])
    #expect(
      effects == [
        .addPartner(
          code: "ong-praia",
          fields: PartnerFields(
            name: "Associação de Apoio", address: "Rua 5, Plateau", islands: [], languages: ["pt", "fr"],
            topics: ["residence.renewal", "integration.portuguese-classes"]))
      ])
    _ = model.update(.done(effects[0], model.state, visitID: nil, referralID: nil))
    #expect(Self.editor(model) == nil)
    #expect(Self.text(model).contains("Parceiro guardado"))
  }

  @Test("r retires the selected partner after confirming; n keeps it")
  func retire() {
    var model = Self.partners()
    let code = model.directory.activePartners[0].code
    Fixture.press(&model, [.character("r")])
    guard case .confirmRetire(let asked) = model.overlay else { Issue.record("did not ask"); return }
    #expect(asked == code)
    #expect(Fixture.press(&model, [.character("n")]).isEmpty)
    #expect(model.overlay == nil)
    Fixture.press(&model, [.character("r")])
    let effects = Fixture.press(&model, [.character("s")])
    #expect(effects == [.retirePartner(code: code)])
    _ = model.update(.done(effects[0], model.state, visitID: nil, referralID: nil))
    #expect(Self.text(model).contains("Parceiro retirado"))
  }

  @Test("e edits the sheet in the interface language: items per line, Enter adds, Ctrl-D removes, F10 saves")
  func editSheet() {
    var model = Self.sheets(language: .english)
    let sheet = model.directory.sheets[0]
    Fixture.press(&model, [.character("e")])
    guard case .sheet(let e) = Self.editor(model) else { Issue.record("no sheet form"); return }
    #expect(e.language == .english)
    #expect(e.content == sheet.en)
    #expect(model.keyMap().footerEntries.contains { $0.key == "F10" })
    // Esc without changes closes.
    Fixture.press(&model, [.escape])
    #expect(Self.editor(model) == nil)
    Fixture.press(&model, [.character("e"), .enter])
    Fixture.type(&model, "Ask for the passport number")
    Fixture.press(&model, [.escape])
    guard case .confirmDiscard = model.overlay else { Issue.record("Esc did not ask"); return }
    Fixture.press(&model, [.character("n")])
    // Shift-Tab twice from the new item wraps to the last "tell" item.
    Fixture.press(&model, [.backTab, .backTab])
    Fixture.press(&model, [.control("d")])
    var expected = sheet.en
    expected.ask.insert("Ask for the passport number", at: 1)
    expected.tell.removeLast()
    guard case .sheet(let edited) = Self.editor(model) else { Issue.record("no sheet form"); return }
    #expect(edited.content == expected)
    let effects = Fixture.press(&model, [.function(10)])
    #expect(effects == [.saveSheet(topic: sheet.topic, language: .english, content: expected)])
    #expect(model.busy != nil)
    #expect(!Self.text(model).contains("Sheet saved"))
    _ = model.update(.failed(effects[0], GAIDeskError(.diskFull, "/x")))
    guard case .sheet(let kept) = Self.editor(model) else { Issue.record("the form was lost"); return }
    #expect(kept.error != nil)
    _ = model.update(.done(effects[0], model.state, visitID: nil, referralID: nil))
    #expect(Self.editor(model) == nil)
    #expect(Self.text(model).contains("Sheet saved"))
  }

  @Test("sheet items: removing the only item of a section empties it; empty items are not saved")
  func sheetItems() {
    var editor = SheetEditor(
      sheet: KnowledgeSheet(
        topic: "residence.renewal", reviewed: "2026-01-01", pt: SheetContent(ask: ["a", "b"])),
      language: .portuguese)
    #expect(editor.sections == [0, 0, 1, 2])
    editor.removeItem()
    #expect(editor.sections == [0, 1, 2])
    #expect(editor.form.focus == 0)
    #expect(editor.content == SheetContent(ask: ["b"]))
    editor.removeItem()
    #expect(editor.sections == [0, 1, 2])
    #expect(editor.content == SheetContent())
    editor.form.focusNext()
    editor.addItem()
    #expect(editor.sections == [0, 1, 1, 2])
    #expect(editor.form.focus == 2)
  }

  @Test("the runtime saves partners and sheets as journal events through the core")
  func runtime() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let office = try #require(runtime.office)
    let fields = PartnerFields(
      name: "Associação de Apoio", phone: "2601234", islands: ["santiago"], languages: ["pt", "fr"],
      topics: ["residence.renewal"])
    guard case .done = runtime.perform(.addPartner(code: "ong-praia", fields: fields), staff: "Ana") else {
      Issue.record("not added")
      return
    }
    #expect(office.partners.partner("ong-praia")?.phone == "2601234")
    var changed = fields
    changed.phone = nil
    changed.email = "apoio@example.org"
    guard case .done = runtime.perform(.updatePartner(code: "ong-praia", fields: changed), staff: "Ana")
    else {
      Issue.record("not updated")
      return
    }
    #expect(office.partners.partner("ong-praia")?.phone == nil)
    #expect(office.partners.partner("ong-praia")?.email == "apoio@example.org")
    guard
      case .failed(_, let error) = runtime.perform(
        .updatePartner(code: "ong-praia", fields: PartnerFields(name: "X", islands: ["atlantis"])),
        staff: "Ana")
    else {
      Issue.record("a bad island was accepted")
      return
    }
    #expect(error.key == "error.field.island")
    guard case .done = runtime.perform(.retirePartner(code: "ong-praia"), staff: "Ana") else {
      Issue.record("not retired")
      return
    }
    #expect(office.partners.partner("ong-praia")?.active == false)
    let content = SheetContent(ask: ["Question?"], documents: ["Passport"], tell: ["Come back Monday"])
    guard
      case .done(_, let state, _, _, _) = runtime.perform(
        .saveSheet(topic: "residence.renewal", language: .french, content: content), staff: "Ana")
    else {
      Issue.record("sheet not saved")
      return
    }
    let sheet = try #require(KnowledgeBase(state: state).sheet("residence.renewal"))
    #expect(sheet.fr == content)
    #expect(sheet.pt == KnowledgeBase.shipped.first { $0.topic == "residence.renewal" }?.pt)
    #expect(KnowledgeBase(state: state).isEdited("residence.renewal"))
  }
}
