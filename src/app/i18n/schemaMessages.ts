import { enums, resources, type Lang } from '../../schema';
import { mailSettings } from '../../schema/mailSettings';

/** Resource names, field labels and enum labels, taken from the schema for one language. */
export function schemaMessages(lang: Lang) {
  return {
    resources: Object.fromEntries(
      // the settings' form is labelled as a resource's (it is not one the API lists)
      [...resources, mailSettings].map((resource) => [
        resource.name,
        {
          // Chinese has no plural: polyglot always picks the first form, so give it the list name.
          name: lang === 'zh' ? resource.label.zh : `${resource.singular.en} |||| ${resource.label.en}`,
          fields: Object.fromEntries(resource.fields.map((field) => [field.source, field.label[lang]])),
          filters: Object.fromEntries(
            Object.entries(resource.namedFilters ?? {}).map(([name, named]) => [name, named.label[lang]]),
          ),
        },
      ]),
    ),
    enums: Object.fromEntries(
      Object.entries(enums).map(([name, options]) => [
        name,
        Object.fromEntries(options.map((option) => [option.id, option.label[lang]])),
      ]),
    ),
  };
}
