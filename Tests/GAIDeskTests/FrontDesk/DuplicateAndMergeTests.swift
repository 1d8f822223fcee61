import Foundation
@_spi(Testing) import GAIDesk
import Testing

@Suite("Front desk: duplicates and merges")
struct FrontDeskDuplicateAndMergeTests {
  @Test("a similar name with the same birth year or nationality is a probable duplicate")
  func similarName() throws {
    let f = try FrontDeskFixture()
    let existing = try f.visitor("Fatoumata Diallo", year: 1990, nationality: "GN")
    try f.visitor("Fatoumata Sow", year: 1990, nationality: "GN")
    var form = VisitorForm(fullName: "Fatumata Dialo")
    form.birthYear = 1990
    let byYear = f.office.possibleDuplicates(of: form)
    #expect(byYear.map(\.visitorID) == [existing])
    #expect(byYear.first?.reasons == [.similarName, .sameBirthYear])
    form.birthYear = 1985
    form.nationality = "GN"
    #expect(f.office.possibleDuplicates(of: form).first?.reasons == [.similarName, .sameNationality])
    // Similar name alone is not enough.
    form.nationality = "SN"
    #expect(f.office.possibleDuplicates(of: form).isEmpty)
    // One shared word is not a similar name.
    var other = VisitorForm(fullName: "Fatoumata Bah")
    other.birthYear = 1990
    #expect(f.office.possibleDuplicates(of: other).isEmpty)
  }

  @Test("the same phone (with or without +238) or the same document is a probable duplicate")
  func phoneAndDocument() throws {
    let f = try FrontDeskFixture()
    let byPhone = try f.visitor("Chinedu Okafor", phone: "+238 912 34 56")
    let byDocument = try f.visitor("Awa Ndiaye", document: "A1234567")
    var form = VisitorForm(fullName: "Someone Else")
    form.phone = "912 3456"
    #expect(f.office.possibleDuplicates(of: form).map(\.visitorID) == [byPhone])
    #expect(f.office.possibleDuplicates(of: form).first?.reasons == [.samePhone])
    form.phone = "912 3457"
    #expect(f.office.possibleDuplicates(of: form).isEmpty)
    form.phone = nil
    form.document = IdentityDocument(type: "passport", number: "a 123 4567")
    #expect(f.office.possibleDuplicates(of: form).map(\.visitorID) == [byDocument])
  }

  @Test("merge hides the other record and gathers its history; unmerge undoes it; both histories kept")
  func mergeAndUnmerge() throws {
    let f = try FrontDeskFixture()
    let keep = try f.visitor("Mamadu Baldé", year: 1988)
    let other = try f.visitor("Mamadou Balde", year: 1988)
    let visitKeep = try f.office.arrive(visitorID: keep, staff: "Ana")
    let visitOther = try f.office.arrive(visitorID: other, staff: "Ana")
    try f.office.mergeVisitors(keep: keep, other: other, staff: "Ana")
    var state = f.office.state
    #expect(state.visitors[other]?.mergedInto == keep)
    #expect(state.canonicalVisitor(other)?.id == keep)
    #expect(Set(state.mergedGroup(keep)) == [keep, other])
    #expect(
      Set(state.mergedGroup(keep).flatMap { state.visitsByVisitor[$0] ?? [] }) == [
        visitKeep.id, visitOther.id,
      ])
    #expect(VisitorSearch(state: state).find("mamadu balde", in: state).map(\.visitorID) == [keep])
    // A new ticket for the merged record goes to the kept one (asked for again: the person holds two open).
    #expect(throws: GAIDeskError.self) { try f.office.arrive(visitorID: other, staff: "Ana") }
    #expect(try f.office.arrive(visitorID: other, staff: "Ana", again: true).visitorID == keep)
    // Survives reopening (journal and snapshot).
    #expect(try f.reopen().state.visitors[other]?.mergedInto == keep)

    try f.office.unmergeVisitors(keep: keep, other: other, staff: "Ana")
    state = f.office.state
    #expect(state.visitors[other]?.mergedInto == nil)
    #expect(state.visitsByVisitor[other] == [visitOther.id])
    #expect(Set(VisitorSearch(state: state).find("balde", in: state).map(\.visitorID)) == [keep, other])
    #expect(try f.reopen().state.visitors[other]?.mergedInto == nil)
  }

  @Test("merges are refused when they make no sense")
  func mergeRules() throws {
    let f = try FrontDeskFixture()
    let a = try f.visitor("Awa Sow")
    let b = try f.visitor("Awa Sow")
    let c = try f.visitor("Awa Sow")
    #expect(throws: GAIDeskError(.mergeSame, a)) {
      try f.office.mergeVisitors(keep: a, other: a, staff: "Ana")
    }
    #expect(throws: GAIDeskError(.visitorUnknown, "V-nope")) {
      try f.office.mergeVisitors(keep: a, other: "V-nope", staff: "Ana")
    }
    try f.office.mergeVisitors(keep: a, other: b, staff: "Ana")
    #expect(throws: GAIDeskError(.mergeAlready, b, a)) {
      try f.office.mergeVisitors(keep: c, other: b, staff: "Ana")
    }
    #expect(throws: GAIDeskError(.mergeKeepMerged, b, a)) {
      try f.office.mergeVisitors(keep: b, other: c, staff: "Ana")
    }
    #expect(throws: GAIDeskError(.mergeNotMerged, c, a)) {
      try f.office.unmergeVisitors(keep: a, other: c, staff: "Ana")
    }
    // A merge arriving through sync that would make a cycle is ignored by the fold.
    try f.office.record(staff: "Ana", events: [.visitorsMerged(keep: b, other: a)])
    #expect(f.office.state.visitors[a]?.mergedInto == nil)
    #expect(f.office.state.canonicalVisitor(b)?.id == a)
  }
}
