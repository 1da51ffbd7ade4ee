"""Create-from-autocomplete: a missing actor, source or outlet made by typing it on a claim page.

The admin's own autocomplete (select2) offers, below the matches, "Add new actor “JNIM”"; picking
it sends ``new:JNIM`` as the field's value. ``CreatingChoiceField`` reads that as a record to
make: it finds an existing one by its natural key first (an actor by name or alias, a source by
its normalised URL), else builds an unsaved one. Nothing is written while the page is checked —
a page with an error saves nothing and shows the typed name again — and the new record is saved,
through ``claims.services.save_reference`` (permission, ``full_clean``, who and why in its
history), in the same transaction as the statement or citation that names it
(``save_new_references``). Two statements naming the same new actor share one actor: the second
finds the first by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors import lookup
from actors.models import Actor, ActorKind
from claims import services
from claims.models import Citation, Claim
from core.slugs import derive_slug
from sources.lookup import outlet_for_host, title_from_url
from sources.models import Source
from sources.urls_normalise import normalise_url

if TYPE_CHECKING:
    from django.db.models import Model

NEW = "new:"


# Finding or making a record from what was typed ---------------------------------------------------


def actor_from_name(name: str) -> Actor:
    """The actor called ``name`` (or known by it as an alias), else a new one: kind "other",
    for the editor to complete."""
    return lookup.named(name) or Actor(name=name, kind=ActorKind.OTHER, slug=derive_slug(name, 200))


def source_from_url(text: str) -> Source:
    """The source at this address (compared in canonical form), else a new one with its outlet
    found by the address's domain (or new), dated by nobody yet."""
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise ValidationError(
            gettext(
                "To add a new source here, paste its address (https://…). A source with no "
                "address (a broadcast, a printed communiqué) is added from the Sources page."
            ),
            code="not_a_url",
        ) from None
    url = normalise_url(text)
    found = Source.objects.filter(url=url).first()
    if found:
        return found
    return Source(
        url=url,
        title=title_from_url(url),
        title_is_stand_in=True,  # the first capture puts the page's own title here
        outlet=outlet_for_host(urlsplit(url).hostname),
    )


MAKERS = {Actor: actor_from_name, Source: source_from_url}
# What the autocomplete offers below its matches, and says to a user who may not add one.
CREATE_LABELS = {Actor: _("Add new actor"), Source: _("Add new source")}
MAY_NOT_ADD = {
    Actor: _("You may not add actors: pick an existing one."),
    Source: _("You may not add sources: pick an existing one."),
}


# The form field and its widget ---------------------------------------------------------------


class CreateOnTypeSelect(AutocompleteSelect):
    """The admin's autocomplete, offering to add what was typed when nothing fits."""

    def __init__(self, *args: Any, create_label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.create_label = create_label

    def build_attrs(self, base_attrs: dict[str, Any], extra_attrs: Any = None) -> dict[str, Any]:
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-create"] = self.create_label
        # Set up by newsroom/autocomplete_create.js, not by the admin's autocomplete.js.
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "newsroom-autocomplete")
        return attrs

    def optgroups(self, name: str, value: list[Any], attrs: Any = None) -> list[Any]:
        """The selected option: a record, or a new one typed on a page sent back with errors."""
        new = [v for v in value if isinstance(v, str) and v.startswith(NEW)]
        groups = super().optgroups(name, [v for v in value if v not in new], attrs)
        for index, typed in enumerate(new, start=len(groups)):
            label = gettext("%(name)s (new)") % {"name": typed.removeprefix(NEW)}
            option = self.create_option(name, typed, label, True, index)
            groups.append((None, [option], index))
        return groups

    @property
    def media(self) -> forms.Media:
        return super().media + forms.Media(js=["newsroom/autocomplete_create.js"])


class CreatingChoiceField(forms.ModelChoiceField):
    """A foreign key picked by autocomplete, or typed as ``new:<name>`` to be made
    (``MAKERS``), if ``user`` may add such records."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(NEW):
            typed = " ".join(value.removeprefix(NEW).split())
            if not typed:
                raise ValidationError(self.error_messages["required"], code="required")
            model = self.queryset.model
            opts = model._meta
            if not self.user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
                raise ValidationError(MAY_NOT_ADD[model], code="permission")
            return MAKERS[model](typed)
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        if getattr(value, "_state", None) is not None and value.pk is None:
            return NEW + str(value)
        return super().prepare_value(value)

    def has_changed(self, initial: Any, data: Any) -> bool:
        if isinstance(data, str) and data.startswith(NEW):
            return True
        return super().has_changed(initial, data)


def creating_field(db_field: Any, admin_site: Any, user: Any, **kwargs: Any) -> CreatingChoiceField:
    model = db_field.remote_field.model
    widget = CreateOnTypeSelect(
        db_field,
        admin_site,
        create_label=str(CREATE_LABELS[model]),
    )
    return CreatingChoiceField(
        queryset=model._default_manager.all(),
        user=user,
        widget=widget,
        required=not db_field.blank,
        label=db_field.verbose_name.capitalize(),
        help_text=db_field.help_text,
    )


class NewReferencesForm(forms.ModelForm):
    """A model form whose records typed as new are left out of the model's validation until
    they exist (``save_new_references`` makes them when the row is saved)."""

    def _get_validation_exclusions(self) -> set[str]:
        return super()._get_validation_exclusions() | set(unsaved_choices(self))


class CreateOnTypeAdmin:
    """An admin (or inline) whose ``create_on_type`` foreign keys offer to add what was typed."""

    create_on_type: tuple[str, ...] = ()

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        if db_field.name in self.create_on_type:
            return creating_field(db_field, self.admin_site, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# Saving what was typed ---------------------------------------------------------------------------


def unsaved_choices(form: forms.BaseForm) -> dict[str, Model]:
    return {
        name: value
        for name, field in form.fields.items()
        if isinstance(field, CreatingChoiceField)
        and (value := form.cleaned_data.get(name)) is not None
        and value.pk is None
    }


def save_new_references(form: forms.BaseForm, instance: Model, *, by: Any) -> None:
    """Save the records typed as new on ``form`` and point ``instance`` at them: each found
    again first (another row of the page may have made it), else added."""
    for name, typed in unsaved_choices(form).items():
        record = MAKERS[type(typed)](str(typed) if isinstance(typed, Actor) else typed.url)
        if record.pk is None:
            add_new(record, by=by)
        setattr(instance, name, record)


def add_new(record: Model, *, by: Any) -> None:
    outlet = getattr(record, "outlet", None)
    if isinstance(record, Source) and outlet is not None and outlet.pk is None:
        outlet = outlet_for_host(urlsplit(record.url).hostname)  # another row may have made it
        if outlet.pk is None:
            services.save_reference(record=outlet, by=by, reason="Added from a source's address")
        record.outlet = outlet
    services.save_reference(record=record, by=by, reason="Added from a claim's page")


def cite_everywhere(claim: Claim, source: Source, *, by: Any, reason: str = "") -> None:
    """``source`` cited by every statement of ``claim`` that does not cite it yet, each citation
    through ``claims.services.save_record`` (permissions, who may change what, history)."""
    if source.pk is None:
        source = source_from_url(source.url)  # another row of the page may have made it
        if source.pk is None:
            add_new(source, by=by)
    for statement in claim.statements.exclude(citations__source=source).order_by("pk"):
        services.save_record(
            record=Citation(statement=statement, source=source),
            by=by,
            reason=reason or "Source for every statement, added in the admin",
        )
