import Foundation

extension Office {
  /// The visitor search index of the current state, the one the desk, the command line and the duplicate
  /// check use: loaded from its sealed cache (`SearchIndexFile`) when one opens, checked visitor by visitor
  /// against the state and brought up to date (visitors registered since added, visitors whose details
  /// changed indexed again), or built; the cache is written again unless only a few visitors
  /// (`searchRewriteThreshold`) were added. `keeping: false` hands the index over without the office holding a copy.
  public func visitorSearch(keeping: Bool = true) -> VisitorSearch {
    var index = searchIndex ?? loadSearchIndex() ?? VisitorSearch()
    let before = index.count
    let indexed = index.update(with: state)
    let added = index.count - before
    // Written when built (no cache, or one that did not fit), when visitors were indexed again (changed
    // details), or when many were added; a few visitors added are cheaper to add again at the next opening.
    if (before == 0 && added > 0) || indexed > added || added > Office.searchRewriteThreshold {
      saveSearchIndex(index)
    }
    searchIndex = keeping ? index : nil
    return index
  }

  /// How many visitors indexed at once make the search cache worth writing again.
  static let searchRewriteThreshold = 1000

  /// The search index cache: beside the snapshot cache (`cache/search.bin` in the office folder, or next to
  /// this user's copy of the snapshot when the folder refuses writes).
  var searchFile: String {
    snapshotFile == paths.snapshot
      ? paths.cache + "/search.bin" : (snapshotFile as NSString).deletingPathExtension + ".search.bin"
  }

  /// The cached index, opened with the newest epoch key that opens it; for a folder that refuses writes,
  /// this user's copy first, then the one the folder holds.
  private func loadSearchIndex() -> VisitorSearch? {
    guard !isConvertedInMemory else { return nil }
    let keys = keyring.epochs.sorted(by: >).compactMap { keyring.key($0) }
    let inFolder = paths.cache + "/search.bin"
    let files = searchFile == inFolder ? [inFolder] : [searchFile, inFolder]
    for file in files {
      if let index = SearchIndexFile.load(file: file, keys: keys) { return index }
    }
    return nil
  }

  /// Writes the index's cache under the current epoch's key; failure only costs time at the next opening.
  private func saveSearchIndex(_ index: VisitorSearch) {
    guard !isConvertedInMemory, let key = keyring.key(keyring.current) else { return }
    try? SearchIndexFile.save(index, file: searchFile, masterKey: key)
  }
}
