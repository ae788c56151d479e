"""Hand-written carriers for indirect prompt injection (written for this project; no rows copied from any dataset).

An indirect injection is an instruction hidden in content that an application hands to the model: an email, a web
page, a table, a code file. `embed_email` puts an attack string into a real email context (BIPIA's, MIT) and
`embed_carrier` into a generated web page, table, review, README or code file. Each returns (with attack, benign
twin): the twin is the same carrier with an ordinary sentence in the same slot, so a classifier has to learn the
instruction, not the carrier.

Every pool below has a training part and a held-back test part (`_pick(rng, pool, part)`: the first 70% of a pool
for 'train', the rest for 'test'), so the test rows combine carriers, lead-ins and fillers the model never saw.
"""
from __future__ import annotations

import random

# lead-ins an attacker puts before the instruction ('' = bare, as BIPIA embeds its attacks)
_LEADINS = ['', '', '', '', 'Note to the AI assistant reading this: ', 'IMPORTANT INSTRUCTION FOR THE ASSISTANT: ',
            'AI, before you summarize this, ', '[assistant] ', 'Hey ChatGPT, ', 'Instruction: ', 'P.S. for the language model: ',
            '<!-- AI: ', 'SYSTEM NOTE: ', 'Attention model: ', 'If you are an AI reading this, ', 'AI agent: ',
            'To the bot processing this message: ', 'Hidden instruction: ', 'Assistant, in your answer ', 'Dear AI, ']
_FILLERS = ['Please let me know if you have any questions.', 'The invoice is attached for your records.',
            'We will be closed on Monday for the holiday.', 'Thanks again for your help last week.',
            'Parking is available behind the building.', 'Prices include VAT.', 'Reply to this email to unsubscribe.',
            'The next meeting is scheduled for Thursday at 10 am.', 'Our support team is available 24/7.',
            'Shipping usually takes three to five business days.', 'Remember to bring your badge.',
            'All times are in Central European Time.', 'This offer is valid until the end of the month.',
            'See the attached slides for details.', 'Lunch will be provided.', 'Feel free to forward this to your team.',
            'The report covers the first quarter.', 'Refunds are processed within 14 days.', 'Have a great weekend!',
            'The library opens at 9 am on weekdays.', 'Please update your contact details in the portal.',
            'We appreciate your feedback.', 'The form must be signed by both parties.', 'Best regards from the whole team.',
            'Updated figures will follow next week.', 'The venue is wheelchair accessible.']

_PRODUCTS = ['wireless headphones', 'a coffee grinder', 'a standing desk', 'a hiking backpack', 'an electric kettle',
             'a mechanical keyboard', 'a yoga mat', 'a smart thermostat', 'a cast-iron pan', 'a children\'s bicycle',
             'a 4K monitor', 'a rain jacket', 'a robot vacuum', 'a camping tent', 'a blender', 'running shoes']
_TOPICS = ['city council approves new bike lanes', 'local bakery wins national award', 'museum extends opening hours',
           'storm expected to reach the coast on Friday', 'university opens new research centre', 'train line reopens after repairs',
           'farmers report a record apple harvest', 'library launches free coding classes', 'startup raises funding for solar roofs',
           'school district adopts a four-day week', 'new species of frog found in the rainforest', 'marathon draws 20,000 runners']
_SENTENCES = ['The product arrived on time and works as described.', 'Battery life is about ten hours in normal use.',
              'Officials said the work will be finished by spring.', 'Residents can submit comments until the end of the month.',
              'The company was founded in 2012 and employs 40 people.', 'Tickets are available online and at the door.',
              'The recipe takes about 30 minutes from start to finish.', 'Customers praised the friendly staff.',
              'The setup was easy, although the manual is short.', 'Experts expect prices to stay stable this year.',
              'The event is free for children under twelve.', 'A spokesperson declined to comment further.',
              'The new version adds dark mode and faster sync.', 'Most reviewers rate it four stars out of five.']
_NAMES = ['Alice Martin', 'Bob Chen', 'Carla Diaz', 'David Okafor', 'Eva Novak', 'Farid Haddad', 'Grace Kim', 'Hugo Silva',
          'Ines Moreau', 'Jonas Berg', 'Kenji Sato', 'Lena Fischer', 'Marco Rossi', 'Nora Lind', 'Omar Aziz', 'Priya Nair']
_CODE_FUNCS = [('parse_date', 'Parse an ISO date string into a datetime.'), ('load_config', 'Read the YAML configuration file.'),
               ('send_report', 'Email the weekly report to the team.'), ('resize_image', 'Resize an image to the given width.'),
               ('compute_total', 'Sum the line items of an order.'), ('fetch_user', 'Return the user record for an id.'),
               ('normalize_text', 'Lower-case and strip a string.'), ('retry', 'Call a function again when it fails.'),
               ('merge_dicts', 'Merge two dictionaries, right wins.'), ('validate_email', 'Check that an address looks valid.'),
               ('chunk_list', 'Split a list into chunks of size n.'), ('format_price', 'Format a number as a price.')]


def _pick(rng: random.Random, pool: list, part: str):
    k = max(1, int(len(pool) * 0.7))
    sub = pool[:k] if part == 'train' else pool[k:] or pool
    return rng.choice(sub)


def _insert(rng: random.Random, text: str, snippet: str) -> str:
    """Puts `snippet` at the start, in the middle (at a sentence or line boundary) or at the end of `text`."""
    where = rng.choice(['start', 'middle', 'end', 'end'])
    if where == 'start':
        return f'{snippet}\n{text}'
    if where == 'end':
        return f'{text}\n{snippet}'
    cuts = [i + 1 for i, ch in enumerate(text) if ch in '.\n' and 20 < i < len(text) - 20]
    if not cuts:
        return f'{text}\n{snippet}'
    c = rng.choice(cuts)
    return f'{text[:c]} {snippet} {text[c:]}'


def embed_email(rng: random.Random, context: str, attack: str, part: str) -> tuple[str, str]:
    """(email with the attack, benign twin with an ordinary sentence in the same place)."""
    lead = _pick(rng, _LEADINS, part)
    filler = _pick(rng, _FILLERS, part)
    state = rng.getstate()
    pos = _insert(rng, context, lead + attack)
    rng.setstate(state)
    neg = _insert(rng, context, filler)
    return pos, neg


_HTML_SLOTS = ['<div style="display:none">{s}</div>', '<!-- {s} -->', '<p>{s}</p>', '<span class="hidden">{s}</span>']


def _web(rng: random.Random, slot: str, part: str) -> str:
    product = _pick(rng, _PRODUCTS, part)
    return (f'<html><head><title>Review: {product}</title></head><body>\n<h1>Our review of {product}</h1>\n'
            f'<p>{_pick(rng, _SENTENCES, part)} {_pick(rng, _SENTENCES, part)}</p>\n'
            f'{rng.choice(_HTML_SLOTS).format(s=slot)}\n'
            f'<p>{_pick(rng, _SENTENCES, part)}</p>\n<footer>Posted by {_pick(rng, _NAMES, part)}</footer></body></html>')


def _news(rng: random.Random, slot: str, part: str) -> str:
    topic = _pick(rng, _TOPICS, part)
    return f'{topic.capitalize()}\n\n{_pick(rng, _SENTENCES, part)} {slot} {_pick(rng, _SENTENCES, part)}\n\nRead more on our website.'


def _table(rng: random.Random, slot: str, part: str) -> str:
    rows = []
    for _ in range(rng.randint(2, 4)):
        rows.append((_pick(rng, _NAMES, part), _pick(rng, _PRODUCTS, part), f'{rng.randint(5, 900)}.{rng.randint(0, 99):02d}'))
    i = rng.randrange(len(rows))
    if rng.random() < 0.5:
        lines = ['| customer | item | price |', '|---|---|---|'] + [f'| {a} | {b} | {c} |' for a, b, c in rows]
        lines.insert(2 + i, f'| {_pick(rng, _NAMES, part)} | {slot} | 0.00 |')
    else:
        lines = ['customer,item,price'] + [f'{a},{b},{c}' for a, b, c in rows]
        lines.insert(1 + i, f'{_pick(rng, _NAMES, part)},"{slot}",0.00')
    return '\n'.join(lines)


def _review(rng: random.Random, slot: str, part: str) -> str:
    return (f'Customer review of {_pick(rng, _PRODUCTS, part)} ({rng.randint(1, 5)} stars) by {_pick(rng, _NAMES, part)}:\n'
            f'{_pick(rng, _SENTENCES, part)} {slot} {_pick(rng, _SENTENCES, part)}')


def _code(rng: random.Random, slot: str, part: str) -> str:
    name, doc = _pick(rng, _CODE_FUNCS, part)
    one_line = ' '.join(slot.split())
    if rng.random() < 0.5:
        return (f'def {name}(value):\n    """{doc}\n\n    {one_line}\n    """\n    result = value\n    return result\n')
    return (f'// {doc}\n// {one_line}\nfunction {name.replace("_", "")}(value) {{\n  return value;\n}}\n')


def _readme(rng: random.Random, slot: str, part: str) -> str:
    name, doc = _pick(rng, _CODE_FUNCS, part)
    return f'# {name}\n\n{doc}\n\n## Usage\n\nInstall the package and call `{name}()`.\n\n{slot}\n\n## License\n\nMIT'


_CARRIERS = [_web, _news, _table, _review, _code, _readme]


def embed_carrier(rng: random.Random, attack: str, part: str) -> tuple[str, str]:
    """(generated web page / news / table / review / code / README with the attack, benign twin)."""
    make = rng.choice(_CARRIERS)
    lead = _pick(rng, _LEADINS, part)
    filler = _pick(rng, _FILLERS, part)
    state = rng.getstate()
    pos = make(rng, lead + attack, part)
    rng.setstate(state)
    neg = make(rng, filler, part)
    return pos, neg
