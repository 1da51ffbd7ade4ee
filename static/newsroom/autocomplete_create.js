"use strict";
// Create-from-autocomplete (newsroom/create.py): an autocomplete marked data-create offers, below
// the matches, "Add new actor “what you typed”", sent as "new:what you typed". These selects carry
// "newsroom-autocomplete" instead of the admin's "admin-autocomplete" class, so the admin's own
// script leaves them alone and this one sets them up — on load, and in every row a formset adds
// (the admin's and django-nested-admin's "formset:added" events) — whatever order the page's
// scripts come in.
{
    const NEW = "new:";
    const TEMPLATE_ROWS = '[id*="-empty-"], [id$="-empty"], [id*="__prefix__"], [name*="__prefix__"]';

    const setUp = (elements) => {
        const $ = django.jQuery;
        $(elements).not(TEMPLATE_ROWS).each((i, element) => {
            if ($(element).data("select2")) {
                return;
            }
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
    };

    document.addEventListener("DOMContentLoaded", () => {
        setUp(document.querySelectorAll("select.newsroom-autocomplete"));
    });
    document.addEventListener("formset:added", (event) => {
        setUp(event.target.querySelectorAll("select.newsroom-autocomplete"));
    });
}
