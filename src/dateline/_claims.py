"""Claims: each quantity that counts or costs something, with its subject, source and certainty,
and the consistency of killed + injured with a casualties total (see `dateline.events`, whose
reader this mixin is part of)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ._event_lang import CLAIM_MEASURES, CLAUSE_BREAK, FAMILY, LOOK_BACK, NAME, EventLang, Ment, Phrases, Sent, norm
from .document import Claim, Event, Quantity

if TYPE_CHECKING:
    from .document import Document


class ClaimReader:
    """The claim half of `events.Reader`, which sets the attributes below and provides the sentence
    and mention lookups and `_prep_role`, `_parse_subject`."""

    doc: Document
    L: EventLang
    para_starts: list[int]  # where each of the document's paragraphs starts


    def claims(self, events: list[Event]) -> list[Claim]:
        out: list[Claim] = []
        by_quantity: dict[str, Event] = {}
        for ev in events:  # the sentence's first event that carries a quantity is its claim's event
            for q in ev.quantities:
                by_quantity.setdefault(q, ev)
        last_subject: dict[tuple[int, str], tuple[str, int]] = {}  # (paragraph, family) -> (subject, sentence start)
        in_sentence: dict[tuple[int, str], str] = {}  # (sentence start, family) -> the subject a figure there took
        for q in self.doc.quantities:
            if q.measure not in CLAIM_MEASURES or (
                    q.measure == "other" and (q.item is None or q.unit not in (None, "%"))):
                continue  # a bare number, a duration, a distance, a calibre: not a claim
            s = self.sent_of(q.span.start)
            ev = by_quantity.get(q.id)
            family = FAMILY[q.measure]
            p = self._paragraph_of(q.span.start)
            p = 0 if p is None else p
            subject = self._sentence_subject(q, s, ev, in_sentence.get((s.start, family)))
            if subject is None:
                subject = self._carried_subject(s, family, last_subject.get((p, family)),
                                                last_subject.get((-1, "force")))
            if subject is not None:
                last_subject[(p, family)] = last_subject[(-1, family)] = (subject, s.start)
                in_sentence[(s.start, family)] = subject
            times = [t for t in self.doc.times if s.start <= t.span.start < s.end and t.value]
            as_of = min(times, key=lambda t: abs(t.span.start - q.span.start)).value if times else None
            a = s.attribution
            # the entity when it is the source; the attribution when words describe the source ("a South
            # Korean lawmaker": affiliated with South Korea, not South Korea itself)
            source = (a.id if a.source is None or a.source_text is not None else a.source) if a is not None else None
            out.append(Claim(id=f"c{len(out) + 1}", subject=subject, measure=q.measure, stage=NAME, value=q.value,
                             low=q.low, high=q.high, qualifier=q.qualifier, as_of=as_of, source=source,
                             modality=self.modality(q.span.start, q.span.end), quantity=q.id,
                             event=ev.id if ev else None))
        self._consistency(out)
        return out

    def _sentence_subject(self, q: Quantity, s: Sent, ev: Event | None, shared: str | None) -> str | None:
        """A claim's subject from its own sentence: its phrase, where casualties fell, the subject of
        the sentence's earlier figure, its event's roles."""
        family = FAMILY[q.measure]
        subject = self._phrase_subject(q.span.start, q.span.end, s)
        if family == "harm" and not (subject and q.item and norm(q.item) in self.L.troop_nouns):
            # casualties are where they fell ("deux Britanniques arrêtés à Londres", "19 in Greece");
            # a force's losses stay its own ("400 soldats nord-coréens sont tombés en Russie")
            near, first = self._located_place(s, q.span.end)
            subject = near or (shared if subject is None else None) or first or subject
        elif subject is None and shared is not None:
            subject = shared  # a figure's subject is the one before it in its sentence ("... et 3 600 blessés")
        if subject is None and ev is not None:  # whose troops: the sender; whose casualties: where they fell
            subject = self._state_of(ev.actor) if family in ("force", "materiel", "money") else (
                ev.location or ev.recipient)
        return subject

    def _carried_subject(self, s: Sent, family: str, last: tuple[str, int] | None,
                         troops: tuple[str, int] | None) -> str | None:
        """A placeless figure's subject: the paragraph's last of its family (unless a place was named
        since), for harm the troops last named, else the scene."""
        if last is not None:
            subject, since = last
            if family not in ("force", "materiel", "money"):
                # a place named since the last figure of this kind is where this one is ("à New York
                # plus de 10 000 appels. A Breezy Point, dans le Queens, un incendie. 50 maisons détruites")
                near = self._earlier_place(s)
                if near is not None and near[1] > since:
                    return near[0]
            return subject
        if family == "harm" and troops is not None:
            return troops[0]  # "de ces soldats ... 4 000 tués": the troops last named
        return self._scene(s, family)

    def _in_source(self, m: Ment, s: Sent) -> bool:
        """Is this mention the sentence's source, or inside the words naming it ("Corée du Sud" in
        "selon l'armée de la Corée du Sud")?"""
        a = s.attribution
        if a is None:
            return False
        if m.entity == a.source:
            return True
        if a.source_text is not None:
            return a.source_text.start <= m.start < a.source_text.end
        for x in self.mentions_in(s.start, s.end):
            if x.entity == a.source and x.start <= m.start < x.end:
                return True
        return False

    def _state_of(self, entity: str | None) -> str | None:
        """A person's troops are their state's: the country entity of a person actor, when named."""
        e = self.entity.get(entity or "")
        if e is not None and e.kind == "person" and e.country:
            return next((x.id for x in self.doc.entities if x.kind == "country" and x.country == e.country), entity)
        return entity

    def _scene(self, s: Sent, family: str) -> str | None:
        """The subject nothing closer gives: for troops, materiel and money the first state or
        organisation of the sentence (a person's state when only a person is named); for the rest
        the first place of the sentence, else the first place or country of the report (its lede)."""
        ments = [m for m in self.mentions_in(s.start, s.end) if not self._in_source(m, s)]
        if family in ("force", "materiel", "money"):
            for m in ments:
                if m.kind in ("country", "organisation"):
                    return m.entity
            for m in ments:
                if m.kind == "person" and m.country:
                    state = next((e.id for e in self.doc.entities if e.kind == "country" and e.country == m.country),
                                 None)
                    if state:
                        return state
        here = self._place_in(s)
        if here is not None:
            return here
        near = self._earlier_place(s)
        if near is not None:
            return near[0]
        # the report's lede: its first place-like name
        places = [m for m in self.ments if m.kind in ("place", "country") and m.form == "name"]
        first = places[0] if places else None
        return first.entity if first else None

    def _paragraph_of(self, offset: int) -> int | None:
        """The index of the paragraph holding `offset` (paragraphs are in text order)."""
        k = bisect.bisect_right(self.para_starts, offset) - 1
        return k if k >= 0 and offset < self.doc.paragraphs[k].span.end else None

    def _earlier_place(self, s: Sent) -> tuple[str, int] | None:
        """The place of the nearest earlier sentence of the paragraph that names one, with that
        sentence's start ("... in the port town of Mokha. At least five others died")."""
        k = self._paragraph_of(s.start)
        para = self.doc.paragraphs[k].span if k is not None else None
        k = bisect.bisect_left(self.sent_starts, s.start)
        for prev in reversed(self.sents[max(0, k - LOOK_BACK):k]):
            if para is None or prev.start < para.start:
                break
            there = self._place_in(prev)
            if there is not None:
                return there, prev.start
        return None

    def _place_in(self, s: Sent) -> str | None:
        """The sentence's place: the first one after a location word ("aux États-Unis", "in Mokha"),
        else its first place-like name (which may be a storm's or a source's)."""
        ments = [m for m in self.mentions_in(s.start, s.end) if m.kind in ("place", "country") and not self._in_source(m, s)]
        places = [m for m in ments if m.form != "demonym"]  # names, and "la capitale ukrainienne"
        # after a location word, else inside a phrase one opens ("sur la côte est des États-Unis"), else
        # any; a country's adjective where no place is named: "Cuban roads saw 750 deaths"; not one
        # after a location word, which describes an unnamed place in that country ("dans la capitale
        # britannique")
        found = [m for m in places if self._located(m)] or [
            m for m in places if self._located_phrase(m)] or places or [
            m for m in ments if m.kind == "country" and m.form == "demonym" and not self._located_phrase(m)]
        if not found:
            return None
        # "in the Red Sea port town of Mokha": the place a place noun names is where, not its modifier
        head = next((m for m in places if m.start > found[0].start and m.kind == "place" and self._named_by_noun(m)
                     and "," not in self.doc.text[found[0].end:m.start]), None)
        return (head or found[0]).entity

    def _located_place(self, s: Sent, after: int) -> tuple[str | None, str | None]:
        """Places named after a location word: the one right after the figure ("19 in Greece") and
        the sentence's first ("deux Britanniques interpellés à Londres"), None where there is none."""
        located = [m for m in self.mentions_in(s.start, s.end) if m.kind in ("place", "country")
                   and m.form != "demonym" and self._located(m) and not self._in_source(m, s)]
        near = [m for m in located if after <= m.start <= after + 16
                and not CLAUSE_BREAK.search(self.doc.text, after, m.start)]
        return (near[0].entity if near else None), (located[0].entity if located else None)

    def _located(self, m: Ment) -> bool:
        """Is a location word one to three words before the mention ("à Londres", "in the town of")?
        Unlike `_prep_role`, a word that may also mark a recipient ("à") counts."""
        return self._phrase_before(self.L.roles.get("location"), self.tok_at(m.start), 3, self.sent_of(m.start).lo,
                                   slack=0)

    def _located_phrase(self, m: Ment) -> bool:
        """Does a location word open the noun phrase of this mention, up to five words before it?"""
        return self._phrase_before(self.L.roles.get("location"), self.tok_at(m.start), 5, self.sent_of(m.start).lo)

    def _named_by_noun(self, m: Ment) -> bool:
        """Does a place noun, then at most two link words, come just before the mention ("town of")?"""
        return self._phrase_before(self.L.place_nouns, self.tok_at(m.start), 4, 0, slack=2)

    def _phrase_before(self, ph: Phrases | None, k: int, most: int, floor: int, slack: int | None = None) -> bool:
        """Does a phrase of `ph` start one to `most` words before word k (not before word `floor`) and
        end at most `slack` words before k (None: anywhere, it may run over the mention)?"""
        if ph is None:
            return False
        for n in range(1, most + 1):
            if k - n < floor:
                break
            hit = ph.match(self.words, k - n)
            if hit is not None and (slack is None or k - slack <= hit[0] <= k):
                return True
        return False

    def _phrase_subject(self, start: int, end: int, s: Sent) -> str | None:
        """An entity named in the quantity's own phrase: "3 000 soldats nord-coréens", "4,000 North Koreans"."""
        inside = [m for m in self.mentions_in(start, end) if m.form in ("demonym", "description")]
        if inside:
            return inside[0].entity
        k = self.tok_at(end)
        hi = self.te[min(k + 2, s.hi - 1)] if k < s.hi else s.end
        after = [m for m in self.mentions_in(end, min(hi, s.end)) if m.form in ("demonym", "description")]
        return after[0].entity if after else None

    def _consistency(self, claims: list[Claim]) -> None:
        """Link a casualties total to a killed + injured pair stated together in one sentence (same
        subject, or one side without one) when they add up (within 10 %, or inside the total's
        interval); a pair within two sentences of the total that does not add up is a problem."""
        qspan = {q.id: q.span for q in self.doc.quantities}
        sent_no = {c.id: self.sents.index(self.sent_of(qspan[c.quantity].start)) for c in claims}
        pairs = []
        for k in sorted({sent_no[c.id] for c in claims}):
            here = [c for c in claims if sent_no[c.id] == k and c.value is not None]
            killed = next((c for c in here if c.measure == "killed"), None)
            injured = next((c for c in here if c.measure == "injured"), None)
            if killed and injured:
                pairs.append((k, killed, injured))
        for total in (c for c in claims if c.measure == "casualties"):
            for k, killed, injured in pairs:
                if total.subject and any(x.subject and x.subject != total.subject for x in (killed, injured)):
                    continue
                added = killed.value + injured.value
                ref = total.value
                if (ref is not None and abs(added - ref) <= 0.1 * ref) or (
                        ref is None and total.low is not None and total.high is not None
                        and total.low <= added <= total.high):
                    total.parts = [killed.id, injured.id]
                    break
                if abs(k - sent_no[total.id]) <= 2:
                    self.doc.problem(NAME, f"killed {killed.value:g} + injured {injured.value:g} = {added:g} does "
                                           f"not match casualties {ref if ref is not None else (total.low, total.high)}"
                                           f" ({total.id})", qspan[total.quantity])
