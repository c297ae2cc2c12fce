package dev.sourced.links;

/**
 * What asking one address gave.
 *
 * @param status the last HTTP status seen (for a move, the first permanent redirect's), or 0 when
 *     no answer came
 * @param detail what went wrong, in words that follow "is dead: " or "is failing: "; null when fine
 * @param newAddress for {@link Kind#MOVED}, where the permanent redirects lead
 * @param fromCache whether this came from the result cache instead of the network
 */
record Outcome(Kind kind, int status, String detail, String newAddress, boolean fromCache) {
  enum Kind {
    /** A 2xx answer, perhaps after temporary redirects. */
    OK,
    /** A 2xx answer after a permanent redirect (301, 308): the address should change. */
    MOVED,
    /** 404 or 410: the page is gone. */
    DEAD,
    /** No usable answer: 5xx after retries, another 4xx, DNS, refused, timeout, TLS. */
    FAILING,
    /** Redirects that come back to an address already visited, or too many of them. */
    LOOPING
  }

  static Outcome ok(int status) {
    return new Outcome(Kind.OK, status, null, null, false);
  }

  static Outcome moved(int status, String to) {
    return new Outcome(Kind.MOVED, status, null, to, false);
  }

  static Outcome dead(int status, String detail) {
    return new Outcome(Kind.DEAD, status, detail, null, false);
  }

  static Outcome failing(int status, String detail) {
    return new Outcome(Kind.FAILING, status, detail, null, false);
  }

  static Outcome looping(String detail) {
    return new Outcome(Kind.LOOPING, 0, detail, null, false);
  }

  /** Whether a reader following the address gets the page (moved pages still answer). */
  boolean answers() {
    return kind == Kind.OK || kind == Kind.MOVED;
  }

  Outcome cached() {
    return new Outcome(kind, status, detail, newAddress, true);
  }
}
