package handoff.core.link;

/** A new link and its claim code. The claim code exists only here; the store keeps its hash. */
public record CreatedLink(Link link, String claimCode) {}
