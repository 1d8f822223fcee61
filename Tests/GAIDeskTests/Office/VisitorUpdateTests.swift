import Foundation
import Testing

@testable import GAIDesk

@Suite struct VisitorUpdateTests {
  @Test func updatingDetailsKeepsConsentAndMerge() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    var form = VisitorForm(fullName: "Fatoumata Diallo")
    form.consentToShare = true
    form.nationality = "GN"
    form.municipality = "praia"
    let visitor = try office.registerVisitor(form, staff: "Ana")
    let other = try office.registerVisitor(VisitorForm(fullName: "Fatumata Dialo"), staff: "Ana")
    try office.mergeVisitors(keep: visitor.id, other: other.id, staff: "Ana")

    var edit = VisitorForm(visitor: visitor)
    edit.fullName = "Fatoumata Binta Diallo"
    edit.phone = "+238 991 23 45"
    edit.birthYear = 1991
    edit.languages = ["fr", "pt"]
    let updated = try office.updateVisitor(visitor.id, form: edit, staff: "Ana")
    #expect(updated.fullName == "Fatoumata Binta Diallo" && updated.birthYear == 1991)
    #expect(updated.languages == ["fr", "pt"] && updated.nationality == "GN")
    #expect(updated.consentToShare?.granted == true && updated.consentToShare?.recordedBy == "Ana")
    #expect(updated.municipality == "praia")

    // The merged record's link survives an edit of the merged record.
    var otherEdit = VisitorForm(visitor: other)
    otherEdit.phone = "9912345"
    try office.updateVisitor(other.id, form: otherEdit, staff: "Ana")
    let reopened = try TestOffice.reopen(dir).state
    #expect(reopened.visitors[visitor.id]?.fullName == "Fatoumata Binta Diallo")
    #expect(reopened.visitors[other.id]?.mergedInto == visitor.id)
    #expect(reopened.visitors[other.id]?.phone != nil)
  }

  @Test func updatesAreCheckedLikeRegistrations() throws {
    let dir = TemporaryDirectory()
    let office = try TestOffice.make(in: dir)
    let visitor = try office.registerVisitor(VisitorForm(fullName: "Ana Lopes"), staff: "Ana")
    var bad = VisitorForm(visitor: visitor)
    bad.languages = ["xx-not-a-language"]
    #expect(throws: GAIDeskError.self) { try office.updateVisitor(visitor.id, form: bad, staff: "Ana") }
    bad = VisitorForm(visitor: visitor)
    bad.fullName = "   "
    #expect(throws: GAIDeskError.self) { try office.updateVisitor(visitor.id, form: bad, staff: "Ana") }
    #expect(throws: GAIDeskError(.visitorUnknown, "V-NOPE")) {
      try office.updateVisitor("V-NOPE", form: VisitorForm(fullName: "X Y"), staff: "Ana")
    }
    #expect(office.state.visitors[visitor.id] == visitor)
  }
}
