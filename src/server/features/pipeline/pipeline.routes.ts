import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ageing, analysisQuery, board, conversion, forecast, forecastQuery, pipelineFilter, winLoss } from '../../../shared/contracts/opportunities';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as service from './pipeline.service';

/** The pipeline board, forecast and analyses (PIPE-7); every number is over the projects the caller may read. */
export async function pipelineRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['pipeline'];
  const config = { access: 'opportunity:read' as const };

  app.get('/api/pipeline/board', {
    config,
    schema: { tags, summary: 'Open projects per stage: counts and sums over all, the first cards by weighted value with their missing gate items', querystring: pipelineFilter, response: { 200: board } },
  }, async (req) => service.board(db, actorOf(req), req.query));

  app.get('/api/pipeline/forecast', {
    config,
    schema: { tags, summary: 'Weighted pipeline of open projects by stage, month of expected close, owner and unit', querystring: forecastQuery, response: { 200: forecast } },
  }, async (req) => service.forecast(db, actorOf(req), req.query, tz));

  app.get('/api/pipeline/conversion', {
    config,
    schema: { tags, summary: 'Stage conversion from the stage history: reached, advanced, lost, average days; win rate', querystring: analysisQuery, response: { 200: conversion } },
  }, async (req) => service.conversion(db, actorOf(req), req.query, tz));

  app.get('/api/pipeline/ageing', {
    config,
    schema: { tags, summary: 'Days in stage of open projects per stage, and the stalled ones', querystring: pipelineFilter, response: { 200: ageing } },
  }, async (req) => service.ageing(db, actorOf(req), req.query));

  app.get('/api/pipeline/win-loss', {
    config,
    schema: { tags, summary: 'Closed projects by reason, by stage at close, and the competitors met', querystring: analysisQuery, response: { 200: winLoss } },
  }, async (req) => service.winLoss(db, actorOf(req), req.query, tz));
}
