"""A record's translations in the newsroom: one box per translated field and language, and who
translated, read from and written to the record's ``translations`` (``core.translations``, where
the rules live)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.translations import METHOD, TranslationMethod, clean_translations

METHODS = [choice for choice in TranslationMethod.choices if choice[0]]


def box(field: str, code: str) -> str:
    return f"{field}_{code}"


def method_box(code: str) -> str:
    return f"translated_by_{code}"


# Labels built when a page is drawn, in the editor's language (the fields are declared once).
_field_label = lazy(lambda verbose_name, name: f"{verbose_name} ({name})", str)
_method_label = lazy(lambda name: gettext("Translated by (%(language)s)") % {"language": name}, str)


def translation_fields(model: type[models.Model]) -> dict[str, forms.Field]:
    """The form fields for ``model``'s translations, in the order the page shows them."""
    fields: dict[str, forms.Field] = {}
    for code, name in settings.LANGUAGES:
        for field in model.TRANSLATED:
            model_field = model._meta.get_field(field)
            long = isinstance(model_field, models.TextField)
            fields[box(field, code)] = forms.CharField(
                label=_field_label(model_field.verbose_name, name),
                required=False,
                max_length=model_field.max_length,
                widget=widgets.AdminTextareaWidget(attrs={"rows": 3, "lang": code, "dir": "auto"})
                if long
                else widgets.AdminTextInputWidget(attrs={"lang": code, "dir": "auto"}),
            )
        fields[method_box(code)] = forms.ChoiceField(
            label=_method_label(name),
            choices=METHODS,
            initial=TranslationMethod.HUMAN,
            required=False,
            help_text=_("The newsroom (a person), or a machine, reviewed or not."),
        )
    return fields


def fieldset(model: type[models.Model]) -> tuple[Any, dict[str, Any]]:
    """The admin fieldset holding them, one row per language."""
    rows = [
        (*(box(field, code) for field in model.TRANSLATED), method_box(code))
        for code, _name in settings.LANGUAGES
    ]
    return (
        _("Translations"),
        {
            "classes": ["collapse"],
            "description": _(
                "The words above in the site's other languages: readers see their own language "
                "when it is here, the original otherwise. Leave the original language's row "
                "empty."
            ),
            "fields": rows,
        },
    )


class TranslationsForm(forms.ModelForm):
    """Fills the boxes from the record's ``translations`` and writes them back, checked by
    ``core.translations.clean_translations``; an error goes to the language's first box."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, _name in settings.LANGUAGES:
            translation = stored.get(code) or {}
            for field in self._meta.model.TRANSLATED:
                name = box(field, code)
                if name in self.fields:
                    self.fields[name].initial = translation.get(field, "")
            if method_box(code) in self.fields and translation.get(METHOD):
                self.fields[method_box(code)].initial = translation[METHOD]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        model = self._meta.model
        if box(model.TRANSLATED[0], settings.LANGUAGE_CODE) not in self.fields:
            return data  # a page without the translations (a reporter's add page, an inline)
        language = data.get("language") or self.instance.language
        translations: dict[str, Any] = {}
        for code, _name in settings.LANGUAGES:
            one = {field: data.get(box(field, code)) or "" for field in model.TRANSLATED}
            one[METHOD] = data.get(method_box(code)) or TranslationMethod.HUMAN
            probe = model(language=language, translations={code: one})
            try:
                translations |= clean_translations(probe, model.TRANSLATED)
            except ValidationError as error:
                self.add_error(box(model.TRANSLATED[0], code), error.message_dict["translations"])
        self.instance.translations = translations
        return data


def with_translations(form_class: type[forms.ModelForm], model: type[models.Model]) -> type:
    """``form_class`` with the boxes for ``model``'s translations declared (the admin's
    fieldsets may name only declared or model fields)."""
    return type(form_class)(
        form_class.__name__, (TranslationsForm, form_class), translation_fields(model)
    )
