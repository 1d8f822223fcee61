import Foundation
import TerminalUI
import Testing

@_spi(Testing) @testable import GAIDesk
@testable import GAIDeskApp

/// The desk's visitor index is brought up to date after every action and every refresh: with the office's
/// search basis it checks only the visitors the new records touched, not every visitor of the office (at a
/// national office, tens of milliseconds on the key loop after each action).
@Suite struct DeskSearchBasisTests {
  @Test func anActionChecksOnlyTheVisitorsItTouched() throws {
    let (runtime, root) = try #require(Fixture.runtimeWithNewOffice())
    defer { try? FileManager.default.removeItem(atPath: root) }
    let founder = try #require(runtime.office)
    let ids = try (0..<40).map {
      try founder.registerVisitor(VisitorForm(fullName: "Pessoa\($0) Tavares"), staff: "Ana").id
    }
    founder.saveSnapshot()
    _ = runtime.perform(.closeOffice, staff: "Ana")

    // The desk opens the office as it does (from its snapshot) and receives the core's index.
    var model = AppModel(hasOffice: true, settings: OfficeSettings(), size: Size(width: 100, height: 30))
    _ = model.update(try #require(runtime.perform(.unlock(passphrase: Fixture.passphrase), staff: "Ana")))
    #expect(model.officeOpen && model.search.count == 40)
    #expect(model.search.checkedLastUpdate < 40)

    // One visitor renamed: only that visitor is checked, and the desk finds the new name.
    let office = try #require(runtime.office)
    var form = VisitorForm(fullName: "Cheikh Sarr")
    form.phone = "+238 9557788"
    _ = try office.updateVisitor(ids[7], form: form, staff: "Ana")
    _ = model.update(.changed(office.state, basis: office.searchBasis))
    #expect(model.search.checkedLastUpdate == 1)
    #expect(model.search.find("cheikh", in: model.state).map(\.visitorID) == [ids[7]])
    #expect(
      model.search.find("pessoa7 tavares", in: model.state, limit: 100).allSatisfy { $0.visitorID != ids[7] })

    // A new visitor through the desk's own effect: checked no more than what its record touched.
    let done = try #require(
      runtime.perform(.arriveNew(VisitorForm(fullName: "Fatoumata Diallo")), staff: "Ana"))
    _ = model.update(done)
    #expect(model.search.checkedLastUpdate <= 2)
    #expect(model.search.find("fatoumata", in: model.state).count == 1)

    // Without a basis (another program's message), every visitor is checked, as before.
    _ = model.update(.changed(office.state))
    #expect(model.search.checkedLastUpdate == 41)
  }
}
