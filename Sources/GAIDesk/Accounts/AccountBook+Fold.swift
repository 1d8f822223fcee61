extension AccountBook {
  /// Adds an account (an id already known keeps its entry).
  mutating func add(_ account: Account) {
    guard accounts[account.id] == nil else { return }
    order.append(account.id)
    accounts[account.id] = account
  }

  /// Records a new epoch, once.
  mutating func start(_ start: EpochStart) {
    guard !epochs.contains(where: { $0.epoch == start.epoch }) else { return }
    epochs.append(start)
  }

  /// The epoch new records are sealed under for someone holding `held`: the latest started (in canonical
  /// order) among those held, else the first.
  public func currentEpoch(holding held: Set<UInt32>) -> UInt32 {
    epochs.last { held.contains($0.epoch) }?.epoch ?? 1
  }

  /// The book as events (each account's latest entry, removals, epochs), for the snapshot cache.
  var asEvents: [Event] {
    order.map { Event.accountAdded(accounts[$0]!) }
      + order.filter { accounts[$0]!.removed }.map { Event.accountRemoved(id: $0) }
      + epochs.map { Event.epochStarted($0) }
  }

  /// Encodes the book for the snapshot cache.
  func encode(into w: inout ByteWriter) {
    w.writeBytes(EventCodec.encode(EventBatch(staff: "", office: "", events: asEvents)))
  }

  /// Decodes what `encode` wrote.
  static func decode(_ r: inout ByteReader) throws -> AccountBook {
    var book = AccountBook()
    for event in try EventCodec.decode(try r.readBytes()).events {
      switch event {
      case .accountAdded(let account): book.add(account)
      case .accountRemoved(let id): book.accounts[id]?.removed = true
      case .epochStarted(let start): book.start(start)
      default: throw ByteReader.Malformed(reason: "unexpected event in the account book")
      }
    }
    return book
  }
}
