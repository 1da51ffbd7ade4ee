"use strict";
// Create-from-autocomplete (newsroom/create.py): an autocomplete marked data-create offers, below
// the matches, "Add new actor “what you typed”", sent as "new:what you typed". Wraps the admin's
// own djangoAdminSelect2 (and django-nested-admin's wrapper of it), so rows added to a formset
// get the same behaviour.
{
    const $ = django.jQuery;
    const previous = $.fn.djangoAdminSelect2;
    const NEW = "new:";

    $.fn.djangoAdminSelect2 = function () {
        const creating = this.filter("[data-create]")
            .not('[id*="-empty-"], [id$="-empty"], [id*="__prefix__"], [name*="__prefix__"]');
        previous.apply(this.not("[data-create]"), arguments);
        creating.each(function (i, element) {
            $(element).select2({
                ajax: {
                    data: (params) => ({
                        term: params.term,
                        page: params.page,
                        app_label: element.dataset.appLabel,
                        model_name: element.dataset.modelName,
                        field_name: element.dataset.fieldName,
                    }),
                },
                tags: true,
                createTag: (params) => {
                    const term = $.trim(params.term);
                    return term ? {id: NEW + term, text: term, isNew: true} : null;
                },
                // The matches first: adding a record is the last resort.
                insertTag: (data, tag) => { data.push(tag); },
                templateResult: (item) => item.isNew
                    ? `${element.dataset.create} “${item.text}”` : item.text,
            });
        });
        return this;
    };
}
