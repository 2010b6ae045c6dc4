"""Counts in Italian: "1 incontro", "2 incontri", or a phrase for none."""


def quante(number, singular, plural, zero=None):
    """``number`` with the noun that agrees with it.

    ``zero`` replaces "0 <plural>" when given: a phrase that is true of
    nothing, e.g. "nessuna registrazione in archivio".
    """
    number = int(number)
    if number == 0 and zero:
        return zero
    return f"{number} {singular if number == 1 else plural}"
