package dk.stafet.responsibility.domain.property;

/**
 * One generated step of a random course: what happens ({@code kind}, a percentage mapped to an
 * event type), which course / organisation it picks, and how much time passes before it. Plain ints
 * so that jqwik can shrink failing courses to small ones.
 */
record Step(int kind, int pick, int gap) {}
