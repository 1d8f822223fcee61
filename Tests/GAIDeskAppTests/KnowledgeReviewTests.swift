import Foundation
import GAIDesk
import TerminalUI
import Testing

@testable import GAIDeskApp

/// Confirming and correcting the office's knowledge from the interface, through the real core: the sheet
/// screen and the partner directory show what the core's review computes, before and after.
@Suite("Knowledge confirmed from the interface")
struct KnowledgeReviewTests {
  func text(_ model: AppModel) -> String { model.view().grid.lines.joined(separator: "\n") }

  /// The model at the queue over a real new office, and the runtime that performs its effects.
  func open() throws -> (AppModel, AppRuntime, String) {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    let office = try #require(runtime.office)
    var model = AppModel(
      hasOffice: true, settings: OfficeSettings(staff: "Ana", language: "pt"),
      size: Size(width: 100, height: 30), now: Date())
    _ = model.update(.opened(office: "praia", state: office.state))
    _ = model.update(.key(.enter))
    _ = model.update(.key(.escape))  // no PIN
    return (model, runtime, root)
  }

  /// Performs `effects` and hands their answers to the model.
  func perform(_ effects: [Effect], _ model: inout AppModel, _ runtime: AppRuntime) {
    for effect in effects {
      if let answer = runtime.perform(effect, staff: model.staff) { _ = model.update(answer) }
    }
  }

  /// What the core counts as to confirm in the sheet of `topic` today.
  func pending(_ runtime: AppRuntime, _ topic: String) throws -> Int {
    let office = try #require(runtime.office)
    return office.review(language: .portuguese).unconfirmedLines(topic: topic, today: LocalTime.today()).count
  }

  @Test("a line of a sheet is confirmed (how, a note) and the count of lines to confirm drops by one")
  func confirmLine() throws {
    var (model, runtime, root) = try open()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let topic = "residence.renewal"
    let before = try pending(runtime, topic)
    #expect(before > 1)
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, "renovação")
    Fixture.press(&model, [.enter])
    #expect(text(model).contains("\(before) por confirmar"), "\(text(model))")
    #expect(text(model).contains("! "), "lines to confirm are marked")
    #expect(text(model).contains("Nunca confirmada"))
    Fixture.press(&model, [.down, .character("c")])
    #expect(text(model).contains("Confirmar localmente"))
    Fixture.press(&model, [.right, .tab])
    Fixture.type(&model, "horário confirmado")
    let effects = Fixture.press(&model, [.enter])
    let sheet = try #require(model.directory.sheet(topic))
    let subject = try #require(
      model.directory.knowledge.subject(topic: topic, section: .documents, index: 1))
    #expect(effects == [.confirmKnowledge(subject: subject, method: .visit, note: "horário confirmado")])
    perform(effects, &model, runtime)
    #expect(try pending(runtime, topic) == before - 1)
    let shown = text(model)
    #expect(shown.contains("\(before - 1) por confirmar"), "\(shown)")
    #expect(shown.contains("Confirmação local guardada"))
    #expect(shown.contains("✓ " + sheet.pt.documents[1].prefix(20)), "\(shown)")
    #expect(shown.contains("por Ana (visita)"))
    #expect(
      try Office.open(at: runtime.paths, passphrase: "a good passphrase").state.confirmations[subject.key]
        != nil)
  }

  @Test("a line corrected from the sheet screen replaces the line and is confirmed in one record")
  func correctLine() throws {
    var (model, runtime, root) = try open()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let topic = "residence.renewal"
    let before = try pending(runtime, topic)
    let records = try #require(runtime.office).state.recordCount
    Fixture.press(&model, [.character("f")])
    Fixture.type(&model, "renovação")
    Fixture.press(&model, [.enter, .character("e")])
    #expect(text(model).contains("Corrigir e confirmar"))
    // An empty correction is refused by the core, said in the form, which stays open; nothing is written.
    perform(Fixture.press(&model, [.tab, .control("u"), .enter]), &model, runtime)
    #expect(text(model).contains("A linha corrigida está vazia"), "\(text(model))")
    #expect(try #require(runtime.office).state.recordCount == records)
    #expect(text(model).contains("Corrigir e confirmar"))
    Fixture.type(&model, "Título de residência atual (original).")
    let effects = Fixture.press(&model, [.enter])
    #expect(
      effects == [
        .correctSheetLine(
          topic: topic, section: .documents, index: 0,
          texts: [.portuguese: "Título de residência atual (original)."], method: .phone, note: nil)
      ])
    perform(effects, &model, runtime)
    let office = try #require(runtime.office)
    #expect(office.state.recordCount == records + 1)
    #expect(office.knowledge.sheet(topic)?.pt.documents.first == "Título de residência atual (original).")
    #expect(try pending(runtime, topic) == before - 1)
    #expect(text(model).contains("✓ Título de residência atual (original)."))
  }

  @Test("the partner directory confirms an entry, lists only those to confirm, and corrects one with F3")
  func partners() throws {
    var (model, runtime, root) = try open()
    defer { try? FileManager.default.removeItem(atPath: root) }
    Fixture.press(&model, [.character("s"), .tab, .tab, .tab, .tab])
    let all = model.directory.activePartners
    #expect(text(model).contains("\(all.count) por confirmar"), "\(text(model))")
    let effects = Fixture.press(&model, [.character("c"), .enter])
    #expect(effects == [.confirmKnowledge(subject: .partner(code: all[0].code), method: .phone, note: nil)])
    perform(effects, &model, runtime)
    #expect(text(model).contains("\(all.count - 1) por confirmar"))
    #expect(text(model).contains("✓ confirmado localmente"))
    // Only those to confirm, oldest first: the one just confirmed is not listed.
    Fixture.press(&model, [.character("v")])
    let shown = PartnersView.shown(model, toConfirm: true)
    #expect(shown.count == all.count - 1 && !shown.contains { $0.code == all[0].code })
    #expect(text(model).contains("Por confirmar: \(all.count - 1)"))
    // Corrected after a letter: the details change and the entry is confirmed, in one record.
    Fixture.press(&model, [.character("e"), .function(3), .function(3), .function(3), .tab])
    Fixture.press(&model, [.control("u")])
    Fixture.type(&model, "+238 260 00 00")
    let correction = Fixture.press(&model, [.function(10)])
    guard case .correctPartner(let code, let fields, .letter)? = correction.first else {
      Issue.record("not a correction by letter: \(correction)")
      return
    }
    #expect(code == shown[0].code && fields.phone == "+238 260 00 00")
    perform(correction, &model, runtime)
    let office = try #require(runtime.office)
    #expect(office.partners.partner(code)?.phone == "+238 260 00 00")
    #expect(office.state.confirmations["partner:" + code]?.method == .letter)
    #expect(PartnersView.shown(model, toConfirm: true).count == all.count - 2)
  }

  @Test("u undoes a leave from the queue through the core, and says when there is nothing to undo")
  func undoLeft() throws {
    var (model, runtime, root) = try open()
    defer { try? FileManager.default.removeItem(atPath: root) }
    Fixture.press(&model, [.character("u")])
    #expect(text(model).contains("Nada a desfazer"))
    perform([.arriveNew(VisitorForm(fullName: "Aminata Baldé"))], &model, runtime)
    Fixture.press(&model, [.enter])
    let left = Fixture.press(&model, [.character("l"), .enter])
    guard case .markLeft(let visitID)? = left.first else {
      Issue.record("no leave asked: \(left)")
      return
    }
    perform(left, &model, runtime)
    #expect(text(model).contains("u desfaz"), "\(text(model))")
    let undo = Fixture.press(&model, [.character("u")])
    #expect(undo == [.reopenVisit(visitID: visitID)])
    perform(undo, &model, runtime)
    #expect(model.state.visits[visitID]?.status == .waiting)
    #expect(text(model).contains("voltou à fila"))
  }
}
