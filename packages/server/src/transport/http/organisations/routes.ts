// Organisations and their people: creating organisations, verifying officers, staff and partners.
import {
  createOrganisation,
  listOrganisationPeople,
  listOrganisationsFor,
  type OrganisationId,
  setAffiliation,
} from '@fellwatch/core';
import {
  CreateOrganisation,
  Id,
  OrganisationList,
  OrganisationPeople,
  OrganisationResponse,
  SetAffiliation,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { presentOrganisation, presentOrganisationPerson } from '../../../presenters/organisation.js';
import type { Api } from '../api.js';

const OrganisationParams = z.object({ id: Id });

/** Registers the organisations endpoints. */
export function registerOrganisationRoutes(api: Api): void {
  const { ports } = api.ctx;

  api.route({
    method: 'GET',
    url: '/api/v1/organisations',
    summary: 'Organisations: all of them for platform admins, your own for everyone else',
    tag: 'organisations',
    auth: 'required',
    responses: { 200: OrganisationList },
    handler: async ({ actor }) => ({
      organisations: (await listOrganisationsFor(ports, actor)).map(presentOrganisation),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/organisations',
    summary: 'Create an organisation (platform admins)',
    tag: 'organisations',
    auth: 'required',
    body: CreateOrganisation,
    responses: { 201: OrganisationResponse },
    handler: async ({ actor, body, reply }) => {
      const organisation = await createOrganisation(ports, actor, body);
      reply.status(201);
      return { organisation: presentOrganisation(organisation) };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/organisations/:id/people',
    summary: "An organisation's verified people, with emails (its admins and platform admins)",
    tag: 'organisations',
    auth: 'required',
    params: OrganisationParams,
    responses: { 200: OrganisationPeople },
    handler: async ({ actor, params }) => ({
      people: (await listOrganisationPeople(ports, actor, params.id as OrganisationId)).map(
        presentOrganisationPerson,
      ),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/organisations/:id/people',
    summary:
      'Set a person’s affiliation and admin flag, found by exact email; no affiliation and not admin removes them',
    tag: 'organisations',
    auth: 'required',
    params: OrganisationParams,
    body: SetAffiliation,
    responses: { 200: OrganisationPeople },
    handler: async ({ actor, params, body }) => {
      const organisationId = params.id as OrganisationId;
      await setAffiliation(ports, actor, organisationId, body);
      return {
        people: (await listOrganisationPeople(ports, actor, organisationId)).map(presentOrganisationPerson),
      };
    },
  });
}
