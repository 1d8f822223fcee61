import Testing

@Suite("End to end (placeholder)") struct E2EPlaceholder {}
