import Foundation
import Testing

@_spi(Testing) @testable import GAIDesk

#if canImport(Glibc)
  import Glibc
#endif

/// An office on a read-only medium (a tmpfs remounted read-only, for real: tests run as root, so a folder's
/// permissions would not stop a write) searches from the medium's own search cache when it is stale, keeps
/// the index brought up to date in this user's state folder, takes that copy at the next opening, and never
/// writes to the medium.
@Suite(.serialized) struct SearchReadOnlyMediumTests {
  @Test func aReadOnlyOfficeSearchesFromItsCachesAndTheMediumNeverChanges() throws {
    try withTmpfsMedium("rosearch") { tmpfs in
      let base = tmpfs.base
      let medium = tmpfs.medium
      let paths = OfficePaths(root: medium + "/office")
      let marks = DeviceMarks(folder: base + "/state")
      var ids: [String] = []
      let renamed: String
      let id: String
      do {
        let office = try Office.create(
          at: paths, office: "praia", passphrase: TestOffice.passphrase, staff: "Ana", scryptLogN: 10,
          marks: marks)
        for number in 1...40 {
          var form = VisitorForm(fullName: "Visitante\(number) Semedo")
          form.phone = "+238 99\(10_000 + number)"
          ids.append(try office.registerVisitor(form, staff: "Ana").id)
        }
        // The medium's search cache is written now, and goes stale: a visitor renamed, five registered.
        _ = office.visitorSearch()
        renamed = ids[6]
        var form = VisitorForm(fullName: "Cheikh Sarr")
        form.phone = "+238 9557788"
        _ = try office.updateVisitor(renamed, form: form, staff: "Ana")
        for number in 41...45 {
          ids.append(
            try office.registerVisitor(VisitorForm(fullName: "Visitante\(number) Lopes"), staff: "Ana").id)
        }
        office.saveSnapshot()
        id = try #require(office.identity.id)
      }
      let folderCache = paths.cache + "/search.bin"
      #expect(FileManager.default.fileExists(atPath: folderCache))
      #expect(tmpfs.remountReadOnly(), "remount read-only: errno \(errno)")
      let before = tmpfs.contents()
      let userCache = marks.folder + "/caches/" + id + ".search.bin"

      func expectAnswers(_ office: Office, _ search: VisitorSearch, _ label: String) {
        let state = office.state
        #expect(search.count == 45, "\(label)")
        #expect(search.find("cheikh", in: state).map(\.visitorID) == [renamed], "\(label)")
        #expect(
          !search.find("visitante7", in: state, limit: 100).contains { $0.visitorID == renamed }, "\(label)")
        #expect(search.find("9557788", in: state).map(\.visitorID) == [renamed], "\(label)")
        #expect(search.find("9910007", in: state).isEmpty, "\(label): the old phone")
        #expect(search.find("visitante43 lopes", in: state).first?.visitorID == ids[42], "\(label)")
        #expect(search.find("visitante12", in: state).first?.visitorID == ids[11], "\(label)")
        var form = VisitorForm(fullName: "Outra Pessoa")
        form.phone = "9910031"
        #expect(office.possibleDuplicates(of: form).map(\.visitorID) == [ids[30]], "\(label)")
      }

      // The first opening finds the medium's stale cache, brings it up to date and keeps it in the state folder.
      let first = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
      #expect(first.medium?.cause == .readOnlyFileSystem)
      #expect(first.openedFromSnapshot)
      #expect(first.searchFile == userCache)
      let firstSearch = first.visitorSearch()
      expectAnswers(first, firstSearch, "first opening")
      #expect(FileManager.default.fileExists(atPath: userCache), "the index kept in the state folder")
      let kept = try #require(
        SearchIndexFile.load(file: userCache, keys: [first.keyringForVerification.key(1)!]))
      #expect(kept.fingerprintKey == firstSearch.fingerprintKey)
      #expect(kept.basis?.tag == first.searchBasis?.tag)

      // The second takes that copy: same key, nothing checked (the same snapshot, nothing folded since).
      let second = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
      let secondSearch = second.visitorSearch()
      #expect(secondSearch.fingerprintKey == firstSearch.fingerprintKey, "loaded from the state folder")
      #expect(secondSearch.checkedLastUpdate == 0)
      expectAnswers(second, secondSearch, "second opening")

      // A damaged copy in the state folder: the medium's own cache is taken again, and nothing is lost.
      var damaged = try FileIO.read(userCache)
      damaged[damaged.count / 2] ^= 0x20
      try FileIO.writeAtomically(damaged, to: userCache)
      let third = try Office.open(at: paths, passphrase: TestOffice.passphrase, marks: marks)
      expectAnswers(third, third.visitorSearch(), "damaged copy")
      #expect(tmpfs.contents() == before, "the read-only medium changed")
    }
  }
}
