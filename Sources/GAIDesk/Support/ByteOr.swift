extension UnsafeRawBufferPointer {
  /// The bitwise OR of every byte from `start` on, read eight at a time: zero exactly when they are all zero,
  /// its high bits clear exactly when they are all ASCII.
  @inline(__always)
  func orOfBytes(from start: Int = 0) -> UInt64 {
    var at = start
    var any: UInt64 = 0
    while at + 8 <= count {
      any |= loadUnaligned(fromByteOffset: at, as: UInt64.self)
      at += 8
    }
    while at < count {
      any |= UInt64(self[at])
      at += 1
    }
    return any
  }
}
