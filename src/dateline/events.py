"""Events, attribution, certainty and claims: who did what to whom, says who, how surely.

Per sentence, from per-language data (`lang/<code>/{events,attribution,modality}.yaml`):

- **Attribution.** A cue before its source ("selon", "according to", "laut"), after it ("zufolge"),
  or a verb of saying ("a déclaré", "said", "sagte") whose subject (the parse's `nsubj` where a parser
  exists; else the nearest entity before the verb in its clause, or after it when inverted: "said
  Peskov") is the source. The source is an entity id when an entity is there, else the described
  words ("un législateur sud-coréen", recognised by the nouns of `described_sources`). An attribution
  governs its sentence. A direct quote is attached to the attribution of its sentence or of the
  sentence right after it ("...", a déclaré X).
- **Events.** Triggers typed with PLOVER (type + mode); a trigger without its own mode takes one from
  a mode cue in its clause ("attaque" + "drones" -> ASSAULT aerial). Roles: actor = the parse's
  subject of a verbal trigger, else the nearest entity before the trigger in its sentence that is not
  the source; recipient = an entity after a recipient (or, for ASSAULT, target) preposition; location
  = a place after a location preposition (for ASSAULT, any place after the trigger in its clause);
  time = the nearest time expression of the sentence;
  quantities = the sentence's quantities whose measure fits the event type. Several triggers give
  several events; an event noun after a definite time word ("après l'attaque") refers back to one
  told before and gives none.
- **Modality** of a trigger or a quantity, by cues in its clause (the stretch between commas,
  semicolons or dashes), first that applies: negated (a negation within three words before, or a
  denial cue in the clause), hypothetical, possible, expected, alleged (French conditionnel, German Konjunktiv I,
  "reportedly"), reported (the sentence has an attribution), asserted.
- **Claims** (`dateline._claims`, the reader's claim half). Each quantity that counts or costs something (anything with a counted noun or a
  measure, not durations, distances, calibres or bare numbers; a percentage of a named noun) becomes
  a claim. Subject: an entity named in the quantity's phrase by a demonym or a description ("3 000
  soldats nord-coréens"); for harm (killed, injured...) the place where it happened wins over the
  victims' nationality unless they are a force's own ("deux Britanniques arrêtés à Londres" is
  London's, "400 soldats nord-coréens tombés en Russie" North Korea's): the located place right
  after the figure ("19 in Greece"), else the subject of the sentence's earlier figure, else the
  sentence's first located place; else, for troops, materiel and money, the actor's state, for the
  rest the event's location or recipient; else the subject of the paragraph's last claim of the same
  measure family (unless a place was named since), and for harm that of the last troops claim; else
  the scene: the sentence's first state or organisation for troops, materiel and money, its place
  (after a location word, inside a located phrase, the place a place noun names), an earlier
  sentence's place, else the report's first place. Then measure, value/interval, qualifier, as_of
  (the sentence's time), source (entity id, else attribution id), modality, quantity and event ids.
- **Consistency.** A killed + injured pair stated in one sentence is linked to a casualties total
  of the same subject anywhere in the report (`parts`) when they add up (within 10 % or its
  interval); a pair within two sentences of a total it does not add up to is listed in `problems`.
"""

from __future__ import annotations

import bisect
import re

from ._claims import ClaimReader
from ._event_lang import (
    ACTOR_KINDS,
    CLAIM_MEASURES,
    CLAUSE_BREAK,
    EVENT_MEASURES,
    MODALITIES,
    NAME,
    TOKEN,
    EventLang,
    Ment,
    Sent,
    load_lang,
    norm,
)
from .document import Attribution, Document, Event, Span
from .pipeline import Context, register


@register(NAME, reads={"text", "lang", "sentences", "entities", "quantities", "times"},
          adds={"events", "attributions", "claims"})
def make_events(ctx: Context):
    cache: dict[str | None, EventLang] = {}

    def events(doc: Document) -> Document:
        if doc.lang not in cache:
            cache[doc.lang] = ctx.resource(f"events-lang:{doc.lang}", lambda: load_lang(doc.lang))
        Reader(doc, cache[doc.lang]).run()
        return doc

    return events


class Reader(ClaimReader):
    def __init__(self, doc: Document, L: EventLang) -> None:
        self.doc, self.L = doc, L
        text = doc.text
        ms = list(TOKEN.finditer(text))
        self.ts = [m.start() for m in ms]
        self.te = [m.end() for m in ms]
        self.words = [norm(m.group()) for m in ms]
        # a platform ("on Twitter", "sur Telegram") is where something was said, never who said it
        self.ments = sorted((Ment(m.span.start, m.span.end, e.id, "platform" if e.type == "platform" else e.kind,
                                  m.form, m.stands_for, e.country)
                             for e in doc.entities for m in e.mentions), key=lambda m: m.start)
        self.ment_starts = [m.start for m in self.ments]
        self.entity = {e.id: e for e in doc.entities}
        bounds = []
        for s in doc.sentences or [doc.span(0, len(text))]:
            start = s.start  # a headline or a line with no full stop is a sentence of its own
            for m in re.finditer(r"\n+", text[s.start:s.end]):
                bounds.append((start, s.start + m.start()))
                start = s.start + m.end()
            bounds.append((start, s.end))
        self.sents = [Sent(a, b, bisect.bisect_left(self.ts, a), bisect.bisect_left(self.ts, b))
                      for a, b in bounds if b > a]
        self.sent_starts = [s.start for s in self.sents]
        self.para_starts = [p.span.start for p in doc.paragraphs]
        sdoc = doc.nlp_doc
        self.parsed = sdoc is not None and sdoc.has_annotation("DEP")

    # ---- helpers ----

    def sent_of(self, offset: int) -> Sent:
        return self.sents[max(0, bisect.bisect_right(self.sent_starts, offset) - 1)]

    def tok_at(self, offset: int) -> int:
        return bisect.bisect_left(self.ts, offset)

    def mentions_in(self, start: int, end: int) -> list[Ment]:
        i = bisect.bisect_left(self.ment_starts, start)
        out = []
        while i < len(self.ments) and self.ments[i].start < end:
            if self.ments[i].end <= end:
                out.append(self.ments[i])
            i += 1
        return out

    def clause(self, offset: int, s: Sent) -> tuple[int, int]:
        """Character range of the clause around `offset`: between punctuation breaks in its sentence."""
        text = self.doc.text
        lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, s.start, offset)), default=s.start)
        m = CLAUSE_BREAK.search(text, offset, s.end)
        return lo, m.start() if m else s.end

    # ---- attribution ----

    def attributions(self) -> list[Attribution]:
        out: list[Attribution] = []
        L = self.L
        for s in self.sents:
            found = None
            for i, j, _ in L.before.find(self.words, s.lo, s.hi):
                found = self._source_after_cue(i, j, s)
                if found:
                    break
            if found is None:
                for i, j, _ in L.after.find(self.words, s.lo, s.hi):
                    ment = next((m for m in reversed(self.mentions_in(s.start, self.ts[i])) if m.kind in ACTOR_KINDS),
                                None)
                    if ment:
                        found = (i, j, ment.entity, None)
                        break
            if found is None:
                for i, j, _ in L.verbs.find(self.words, s.lo, s.hi):
                    found = self._speaker(i, j, s)
                    if found:
                        break
            if found is None:
                continue
            i, j, entity, described = found
            a = Attribution(id=f"a{len(out) + 1}", cue=self.doc.span(self.ts[i], self.te[j - 1]), source=entity,
                            stage=NAME, source_text=described)
            s.attribution = a
            out.append(a)
        self._quotes(out)
        return out

    def _source_after_cue(self, i: int, j: int, s: Sent):
        start = self.te[j - 1]
        lo, hi = self.clause(start, s)
        hi = max(hi, start + 1)
        for m in self.mentions_in(start, hi):
            if m.kind in ACTOR_KINDS or m.form in ("demonym", "description"):
                if len(self.words[j:self.tok_at(m.start)]) <= 4:
                    # a country's adjective on a source noun is the source's affiliation; the words
                    # stay its description ("according to Philippine officials")
                    return i, j, m.entity, self._described(j, self.tok_at(hi)) if m.form == "demonym" else None
        described = self._described(j, self.tok_at(hi))
        if described is None:
            return None
        # a name in apposition after the description is the source: "selon l'agence d'État, KCNA"
        for m in self.mentions_in(described.end, s.end):
            if m.start < described.end + 4 and m.kind in ACTOR_KINDS \
                    and self.doc.text[described.end:m.start].strip() in (",", ""):
                return i, j, m.entity, described
        return i, j, None, described

    def _described(self, lo: int, hi: int) -> Span | None:
        """The words naming a source that is not an entity: its noun phrase where a parser gives one,
        else from `lo` to the clause end (<= 8 words). A document the source issued is not the source:
        "un communiqué de la police" is the police's, so the phrase starts at the source noun (with its
        article)."""
        hits = self.L.described.find(self.words, lo, min(hi, lo + 6))
        if not hits:
            return None
        end = min(hi, lo + 8) - 1
        if end < lo:
            return None
        first, last = hits[0][0], hits[0][1] - 1
        if first > lo and self.L.report_nouns.find(self.words, lo, first):
            # a document before the source noun ("a statement from the police"): start at the noun,
            # or at its article; other words before it are the source's ("a fire officer")
            lo = first - 1 if self.words[first - 1] in self.L.determiners else first
        if self.parsed:  # the source noun's phrase: "la police londonienne", not the clause after it
            tok = self.doc.nlp_doc.char_span(self.ts[last], self.te[last], alignment_mode="expand")
            if tok is not None:
                edge = self.tok_at(tok[-1].right_edge.idx + len(tok[-1].right_edge)) - 1
                end = max(last, min(end, edge))
        else:  # no parse: up to the last source noun ("the Interior Ministry spokesman")
            end = max(last, max(h[1] - 1 for h in hits if h[1] - 1 <= end))
        return self.doc.span(self.ts[lo], self.te[end])

    def _speaker(self, i: int, j: int, s: Sent):
        # the parse's subject of the verb
        if self.parsed:
            sdoc = self.doc.nlp_doc
            span = sdoc.char_span(self.ts[i], self.te[j - 1], alignment_mode="expand")
            if span is not None:
                for tok in span:
                    # every subject of the verb (a parser may split "le président ukrainien | Volodymyr
                    # Zelensky" in two); of their mentions a person's name first, then any name
                    subs = [sdoc[c.left_edge.i:c.right_edge.i + 1] for c in tok.children
                            if c.dep_ in ("nsubj", "nsubj:pass")]
                    # a mention overlapping the subject counts: a name the parser cut ("Wolodymyr | Selenskyj")
                    ms = [m for sub in subs for m in self.mentions_in(max(0, sub.start_char - 80), sub.end_char)
                          if m.end > sub.start_char and (m.kind in ACTOR_KINDS or m.form in ("demonym", "description"))]
                    ms.sort(key=lambda m: (m.form != "name" or m.kind != "person", m.form != "name", m.start))
                    if ms:
                        return i, j, ms[0].entity, None
                    for sub in subs:
                        d = self._described(self.tok_at(sub.start_char), self.tok_at(sub.end_char))
                        if d:
                            return i, j, None, d
        lo, hi = self.clause(self.ts[i], s)
        before = [m for m in self.mentions_in(lo, self.ts[i]) if m.kind in ACTOR_KINDS or m.form == "description"]
        if before:  # the last one, and of those ending there the widest ("Ukraine's military", not "Ukraine")
            last = max(before, key=lambda m: (m.end, m.end - m.start))
            return i, j, last.entity, None
        after_hi = min(s.end, (self.te[min(j + 5, s.hi - 1)] if s.hi > j else s.end))
        after = [m for m in self.mentions_in(self.te[j - 1], after_hi) if m.kind in ACTOR_KINDS]
        if after:
            return i, j, after[0].entity, None
        d = self._described(j, min(s.hi, j + 8))
        if d:
            return i, j, None, d
        d = self._described(self.tok_at(lo), i)
        return (i, j, None, d) if d else None

    def _quotes(self, atts: list[Attribution]) -> None:
        text = self.doc.text
        by_sent = {id(s): s for s in self.sents}
        for open_, close in self.L.quotes:
            pos = 0
            while True:
                a = text.find(open_, pos)
                if a < 0:
                    break
                b = text.find(close, a + 1)
                if b < 0:
                    break
                pos = b + 1
                inner = text[a + 1:b].strip()
                if len(inner.split()) < 3:
                    continue
                # the quote's last character, not the closing mark (which a splitter may put in the next
                # sentence); then the sentence that opens it; then the next ("« ... », a-t-il ajouté.")
                s = self.sent_of(b - 1)
                k = self.sents.index(by_sent[id(s)])
                owner = s.attribution or self.sent_of(a).attribution or (
                    self.sents[k + 1].attribution if k + 1 < len(self.sents) else None)
                if owner is None:
                    continue
                if owner.quote is None:
                    owner.quote = self.doc.span(a + 1, b)
                else:
                    atts.append(Attribution(id=f"a{len(atts) + 1}", cue=owner.cue, source=owner.source, stage=NAME,
                                            source_text=owner.source_text, quote=self.doc.span(a + 1, b)))

    # ---- modality ----

    def modality(self, offset: int, end: int) -> str:
        s = self.sent_of(offset)
        lo, hi = self.clause(offset, s)
        head = CLAUSE_BREAK.search(self.doc.text, s.start, s.end)
        if head is not None and head.start() < lo and len(self.words[s.lo:self.tok_at(head.start())]) <= 2:
            lo = s.start  # a sentence adverb set off by a comma ("Reportedly, ...") governs the sentence
        lo = min(lo, offset)
        hi = max(hi, end)
        t0, t1 = self.tok_at(lo), self.tok_at(hi)
        trig = self.tok_at(offset)
        L = self.L
        after = max(self.tok_at(end), trig + 1)
        # the words of the span itself are not read: "pas moins de neuf" is a qualifier, not a negation
        neg = (L.modal_words["negated"].find(self.words, max(t0, trig - 3), trig)
               or L.modal_words["negated"].find(self.words, after, min(t1, after + 1)))
        if neg:
            return "negated"
        for m in MODALITIES[1:]:
            pats = L.modal_patterns[m]
            if L.modal_words[m].find(self.words, t0, t1) or (
                    pats and any(p.fullmatch(w) and w not in L.modal_not[m] for w in self.words[t0:t1] for p in pats)):
                return "negated" if m == "denied" else m  # a source's denial negates the content
        if s.attribution is not None:
            return "reported"
        return "asserted"

    # ---- events ----

    def events(self) -> list[Event]:
        out: list[Event] = []
        L = self.L
        for s in self.sents:
            for i, j, (type_, mode) in L.triggers.find(self.words, s.lo, s.hi):
                if self._refers_back(i, s):
                    continue  # "a commenté après l'attaque": the attack told before, not a new one
                start, end = self.ts[i], self.te[j - 1]
                if self._inside_name(start, end):
                    continue  # "Rapid Support Forces", "Agence de sécurité": a word of a name, not an event
                if mode is None:
                    lo, hi = self.clause(start, s)
                    cue = L.mode_cues.find(self.words, self.tok_at(lo), self.tok_at(hi))
                    mode = cue[0][2] if cue else None
                ev = Event(id=f"v{len(out) + 1}", type=type_, trigger=self.doc.span(start, end),
                           sentence=self.doc.span(s.start, s.end), stage=NAME, mode=mode)
                self._roles(ev, i, j, s)
                ev.attribution = s.attribution.id if s.attribution else None
                ev.modality = self.modality(start, end)
                out.append(ev)
        return out

    def _inside_name(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.ment_starts, start)
        return any(m.form == "name" and m.start <= start and end <= m.end and m.end - m.start > end - start
                   for m in self.ments[max(0, k - 8):k])

    def _refers_back(self, i: int, s: Sent) -> bool:
        """Does a back-reference ("après l'", "after the") end right before the trigger?"""
        return self._phrase_before(self.L.back_refs, i, 4, s.lo, slack=0)

    def _source_entities(self, s: Sent) -> set[str]:
        a = s.attribution
        return {a.source} if a is not None and a.source else set()

    def _roles(self, ev: Event, i: int, j: int, s: Sent) -> None:
        start, end = self.ts[i], self.te[j - 1]
        sources = self._source_entities(s)
        actor = self._parse_subject(start, end) if self.parsed else None
        if actor is None:
            before = [m for m in self.mentions_in(s.start, start)
                      if (m.kind in ACTOR_KINDS or m.stands_for or m.form != "name") and m.entity not in sources
                      and not self._in_source(m, s) and self._prep_role(m) not in ("location", "recipient", "target")]
            actor = before[-1].entity if before else None
        ev.actor = actor
        for m in self.mentions_in(end, s.end):
            role = self._prep_role(m)
            if role in ("recipient", "target") and ev.recipient is None and m.entity != actor and (
                    m.kind in ACTOR_KINDS or m.stands_for):
                if m.kind == "place" and not m.stands_for:
                    ev.location = ev.location or m.entity
                else:
                    ev.recipient = m.entity
            elif role in ("location", "target", "recipient") and ev.location is None and m.kind == "place":
                ev.location = m.entity
            elif role == "location" and ev.location is None and m.kind == "country" and not m.stands_for \
                    and m.entity != actor and ev.type not in ("AID", "MOBILIZE"):
                ev.location = m.entity  # "des entretiens en Arabie saoudite"
            elif role == "location" and ev.recipient is None and ev.type in ("AID", "MOBILIZE") \
                    and m.kind == "country" and m.entity != actor:
                ev.recipient = m.entity  # "envoyé en Russie"
        if ev.type == "CONSULT":
            self._consult_roles(ev, end, s)
        if ev.type == "MOBILIZE" and ev.recipient is not None and actor is not None:
            # forces raised for another state's war ("renforce ses troupes en Russie") are military aid
            ev.type, ev.mode = "AID", "military"
        if ev.location is None and ev.type == "ASSAULT":  # "attaque ... contre la ville de Charkiw"
            lo, hi = self.clause(end, s)
            after = [m for m in self.mentions_in(end, hi) if m.kind == "place" and not m.stands_for]
            ev.location = after[0].entity if after else None
        if ev.location is None:
            places = [m for m in self.mentions_in(s.start, start) if m.kind == "place" and not m.stands_for
                      and self._prep_role(m) == "location"]
            ev.location = places[-1].entity if places else None
        times = [t for t in self.doc.times if s.start <= t.span.start < s.end]
        if times:
            ev.time = min(times, key=lambda t: abs(t.span.start - start)).id
        fits = EVENT_MEASURES.get(ev.type, CLAIM_MEASURES)
        ev.quantities = [q.id for q in self.doc.quantities if s.start <= q.span.start < s.end and q.measure in fits]

    def _consult_roles(self, ev: Event, end: int, s: Sent) -> None:
        """A meeting's or visit's object without a preposition: the visited place ("a visité Pékin")
        and the person or state met ("a rencontré à Pyongyang Kim Jong Un", "met Kim in Pyongyang")."""
        _, hi = self.clause(end, s)
        after = [m for m in self.mentions_in(end, max(hi, end + 1)) if m.entity != ev.actor]
        if ev.mode == "visit" and ev.location is None:
            near = [m for m in after if m.kind in ("place", "country") and self.tok_at(m.start) - self.tok_at(end) <= 2]
            if near:
                ev.location = near[0].entity
        if ev.recipient is None:
            met = [m for m in after if m.kind in ACTOR_KINDS and m.entity != ev.location and self._prep_role(m) is None
                   and m.form == "name"]
            if met:
                ev.recipient = met[0].entity

    def _prep_role(self, m: Ment) -> str | None:
        """The role a preposition one to three words before the mention gives it ("à", "contre la")."""
        k = self.tok_at(m.start)
        for n in (1, 2, 3):
            if k - n < 0:
                break
            for role, ph in self.L.roles.items():
                hit = ph.match(self.words, k - n)
                if hit and hit[0] == k:
                    return role
        return None

    def _parse_subject(self, start: int, end: int) -> str | None:
        sdoc = self.doc.nlp_doc
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        for tok in [head, head.head] if head.dep_ in ("xcomp", "ccomp", "acl") else [head]:
            for child in tok.children:
                if child.dep_ in ("nsubj", "obl:agent", "nsubj:pass") and child.dep_ != "nsubj:pass":
                    sub = sdoc[child.left_edge.i:child.right_edge.i + 1]
                    ms = [m for m in self.mentions_in(sub.start_char, sub.end_char)
                          if m.kind in ACTOR_KINDS or m.stands_for or m.form != "name"]
                    # a person named in apposition is the subject: "le conseiller de Poutine, Sergei
                    # Schoigu, a rencontré" (the parser's tree of such commas is not to be trusted)
                    named = [m for m in ms if m.kind == "person" and m.form == "name" and m.start > sub.start_char
                             and self.doc.text[max(sub.start_char, m.start - 3):m.start].rstrip().endswith(",")]
                    if named or ms:
                        return (named or ms)[0].entity
        return None

    def run(self) -> None:
        self.doc.attributions = self.attributions()
        self.doc.events = self.events()
        self.doc.claims = self.claims(self.doc.events)
