import Foundation
import Testing

@testable import GAIDesk

/// A cloned disk (folder and device marks alike) that went on writing on two PCs: the histories of one
/// origin meet, are named, and a supervisor's resolution keeps both branches' work.
@Suite struct ForkTests {
  @Test func aClonedPCsBranchIsKeptAsideThenRecordedAgainWithNewIDs() throws {
    let dirA = TemporaryDirectory()
    let office = try TestOffice.make(in: dirA)
    let awa = try office.registerVisitor(VisitorForm(fullName: "Awa Ndiaye"), staff: "Ana")
    // The clone: the data folder and this user's device marks, copied block for block.
    let dirB = TemporaryDirectory()
    try FileManager.default.removeItem(atPath: dirB.path)
    try FileManager.default.copyItem(atPath: dirA.path, toPath: dirB.path)
    try FileManager.default.copyItem(atPath: dirA.marks.folder, toPath: dirB.marks.folder)
    let clone = try TestOffice.reopen(dirB)
    #expect(clone.origin == office.origin)

    let kofi = try office.registerVisitor(VisitorForm(fullName: "Kofi Mensah"), staff: "Ana")
    let (lin, linVisit) = try clone.arrive(newVisitor: VisitorForm(fullName: "Lin Wei"), staff: "Ana")
    let bundle = dirB.path + "/clone.gaibundle"
    try clone.exportBundle(to: bundle)
    let summary = try office.importBundles([bundle])
    #expect(summary.forks.map(\.origin) == [office.origin])

    // Named at opening and by verify; this PC no longer writes the forked origin.
    let reopened = try TestOffice.reopen(dirA)
    #expect(reopened.notices.contains(.forked(origin: office.origin)))
    #expect(reopened.origin != office.origin)
    let fork = try #require(reopened.forks.first)
    #expect(try reopened.verify().damage.contains { $0.reason.contains("fork") })

    let changes = try reopened.resolve(fork, staff: "Ana")  // an administrator
    let state = reopened.state
    let newLin = try #require(state.remappedIDs[lin.id])
    #expect(changes.map(\.old).sorted() == [lin.id, linVisit.id].sorted())
    #expect(state.visitors[awa.id] != nil && state.visitors[kofi.id] != nil)
    #expect(state.visitors[newLin]?.fullName == "Lin Wei")
    let visit = try #require(state.visits[state.remappedIDs[linVisit.id]!])
    #expect(visit.visitorID == newLin && visit.day == linVisit.day)
    #expect(visit.arrivedAt == linVisit.arrivedAt, "the other branch's wall times are kept")
    #expect(reopened.forks.isEmpty)
    #expect(try reopened.verify().isIntact)
    #expect(digest(try TestOffice.reopen(dirA).state) == digest(state))
  }
}
